namespace Dashboard.Core.Metrics;

/// <summary>
/// Turns per-bucket totals into chart series: each bucket's metric is computed from that bucket's
/// summed totals (error rate and availability as ratios of sums, P99 from the summed histogram,
/// RPS as requests per bucket second). Every series of a cohort has a point for each bucket in
/// which the cohort reported anything; a point whose metric has no data carries a null value.
/// A ratio's thin buckets are merged with their neighbours until a point holds the events
/// <see cref="ChartEvidence"/> asks for, so a canary at 1 % does not draw noise as spikes.
/// </summary>
public static class ChartSeriesAssembler
{
    public static ChartSeriesSet Assemble(
        ChartRange range,
        DateTimeOffset from,
        DateTimeOffset to,
        TimeSpan bucket,
        IEnumerable<BucketTotals> totals,
        ChartEvidence? evidence = null)
    {
        ArgumentNullException.ThrowIfNull(totals);
        evidence ??= ChartEvidence.EveryBucket;
        var perCohort = new Dictionary<Cohort, List<(DateTimeOffset Time, WindowTotals Totals)>>();
        foreach (var cohort in Enum.GetValues<Cohort>())
        {
            var tag = cohort.ToTag();
            perCohort[cohort] = totals
                .Where(entry => entry.Cohort == tag)
                .GroupBy(entry => entry.Bucket)
                .OrderBy(group => group.Key)
                .Select(group => (group.Key, WindowTotals.Sum(group.Select(entry => entry.Totals))))
                .ToList();
        }

        var series = Enum.GetValues<ChartMetric>().ToDictionary(
            metric => metric,
            metric => (IReadOnlyDictionary<Cohort, IReadOnlyList<SeriesPoint>>)perCohort.ToDictionary(
                cohort => cohort.Key,
                cohort => Points(metric, cohort.Value, bucket, evidence)));

        return new ChartSeriesSet(range, from, to, bucket, series) { Evidence = evidence };
    }

    private static IReadOnlyList<SeriesPoint> Points(
        ChartMetric metric, List<(DateTimeOffset Time, WindowTotals Totals)> buckets, TimeSpan bucket, ChartEvidence evidence)
    {
        var definition = MetricCatalog.For(metric);
        if (evidence.MinimumFor(metric) is not { } minimum || minimum <= 1)
        {
            return [.. buckets.Select(b => new SeriesPoint(b.Time, definition.ValueOf(b.Totals.ToMetrics(bucket, null)))
            {
                Events = ChartEvidence.CountOf(metric, b.Totals),
            })];
        }

        return [.. ChartBucketMerge.Groups(buckets, bucket, totals => ChartEvidence.CountOf(metric, totals) ?? 0, minimum)
            .Select(group =>
            {
                var covers = group.Last - group.First + bucket;
                return new SeriesPoint(group.First, definition.ValueOf(group.Totals.ToMetrics(covers, null)))
                {
                    Covers = group.Buckets > 1 ? covers : TimeSpan.Zero,
                    Events = ChartEvidence.CountOf(metric, group.Totals),
                };
            })];
    }
}
