namespace Dashboard.Core.Metrics;

/// <summary>
/// The downsampled chart data of one range: for each chart metric, one series per cohort.
/// Buckets are <see cref="Bucket"/> wide so that a series never exceeds the requested point count;
/// a ratio's point may span several buckets to hold the events <see cref="Evidence"/> asks for.
/// </summary>
public sealed record ChartSeriesSet(
    ChartRange Range,
    DateTimeOffset From,
    DateTimeOffset To,
    TimeSpan Bucket,
    IReadOnlyDictionary<ChartMetric, IReadOnlyDictionary<Cohort, IReadOnlyList<SeriesPoint>>> Series)
{
    /// <summary>The fewest events a ratio's point holds; thinner buckets were merged.</summary>
    public ChartEvidence Evidence { get; init; } = ChartEvidence.EveryBucket;
}
