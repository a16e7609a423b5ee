namespace Dashboard.Core.Metrics;

/// <summary>
/// Turns per-series totals into a <see cref="MetricsSnapshot"/>: per cohort, per segment and per
/// region. Totals are summed per group before any ratio or quantile is taken, so a cohort's P99 is
/// the quantile of its summed histogram, never a mean of segment percentiles. Series whose cohort
/// tag is neither <c>baseline</c> nor <c>canary</c> are ignored; series without a segment (region)
/// tag count for their cohort but for no segment (region).
/// </summary>
public static class MetricsSnapshotAssembler
{
    public static MetricsSnapshot Assemble(
        DateTimeOffset asOf,
        TimeSpan window,
        IEnumerable<SeriesTotals> totals,
        IEnumerable<GaugeSample> activeLearners,
        DateTimeOffset? newestPointAt)
    {
        ArgumentNullException.ThrowIfNull(totals);
        ArgumentNullException.ThrowIfNull(activeLearners);

        var byCohort = totals.Where(series => CohortTag.TryParse(series.Tags.Cohort, out _)).ToList();
        var learners = activeLearners.Where(sample => CohortTag.TryParse(sample.Tags.Cohort, out _)).ToList();

        var cohorts = Pair(window, byCohort, learners);
        return new MetricsSnapshot(
            asOf,
            (int)Math.Round(window.TotalSeconds),
            MetricCatalog.RevenueImpactPct.ValueOf(cohorts),
            cohorts,
            ByTag(window, byCohort, learners, tags => tags.Segment),
            ByTag(window, byCohort, learners, tags => tags.Region))
        {
            NewestPointAt = newestPointAt,
        };
    }

    private static Dictionary<string, CohortPair> ByTag(
        TimeSpan window,
        List<SeriesTotals> totals,
        List<GaugeSample> learners,
        Func<SeriesTags, string> tag)
    {
        var values = totals.Select(series => tag(series.Tags))
            .Concat(learners.Select(sample => tag(sample.Tags)))
            .Where(value => value.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);

        return values.ToDictionary(
            value => value,
            value => Pair(
                window,
                totals.Where(series => tag(series.Tags) == value).ToList(),
                learners.Where(sample => tag(sample.Tags) == value).ToList()),
            StringComparer.Ordinal);
    }

    private static CohortPair Pair(TimeSpan window, List<SeriesTotals> totals, List<GaugeSample> learners) =>
        new(Metrics(Cohort.Baseline, window, totals, learners), Metrics(Cohort.Canary, window, totals, learners));

    private static CohortMetrics Metrics(Cohort cohort, TimeSpan window, List<SeriesTotals> totals, List<GaugeSample> learners)
    {
        var tag = cohort.ToTag();
        var summed = WindowTotals.Sum(totals.Where(series => series.Tags.Cohort == tag).Select(series => series.Totals));
        var active = GaugeTotal.MeanOfBucketSums(learners.Where(sample => sample.Tags.Cohort == tag));
        return summed.ToMetrics(window, active);
    }
}
