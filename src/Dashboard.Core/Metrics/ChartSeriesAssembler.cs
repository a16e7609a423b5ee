namespace Dashboard.Core.Metrics;

/// <summary>
/// Turns per-bucket totals into chart series: each bucket's metric is computed from that bucket's
/// summed totals (error rate and availability as ratios of sums, P99 from the summed histogram,
/// RPS as requests per bucket second). Every series of a cohort has a point for each bucket in
/// which the cohort reported anything; a point whose metric has no data carries a null value.
/// </summary>
public static class ChartSeriesAssembler
{
    public static ChartSeriesSet Assemble(
        ChartRange range,
        DateTimeOffset from,
        DateTimeOffset to,
        TimeSpan bucket,
        IEnumerable<BucketTotals> totals)
    {
        ArgumentNullException.ThrowIfNull(totals);
        var perCohort = new Dictionary<Cohort, List<(DateTimeOffset Time, CohortMetrics Metrics)>>();
        foreach (var cohort in Enum.GetValues<Cohort>())
        {
            var tag = cohort.ToTag();
            perCohort[cohort] = totals
                .Where(entry => entry.Cohort == tag)
                .GroupBy(entry => entry.Bucket)
                .OrderBy(group => group.Key)
                .Select(group => (group.Key, WindowTotals.Sum(group.Select(entry => entry.Totals)).ToMetrics(bucket, null)))
                .ToList();
        }

        var series = Enum.GetValues<ChartMetric>().ToDictionary(
            metric => metric,
            metric => (IReadOnlyDictionary<Cohort, IReadOnlyList<SeriesPoint>>)perCohort.ToDictionary(
                cohort => cohort.Key,
                cohort => (IReadOnlyList<SeriesPoint>)[.. cohort.Value.Select(point => new SeriesPoint(point.Time, MetricCatalog.For(metric).ValueOf(point.Metrics)))]));

        return new ChartSeriesSet(range, from, to, bucket, series);
    }
}
