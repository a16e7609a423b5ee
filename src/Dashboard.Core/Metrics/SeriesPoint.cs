namespace Dashboard.Core.Metrics;

/// <summary>One downsampled point of a chart; <see cref="Value"/> is null for an empty bucket.</summary>
public readonly record struct SeriesPoint(DateTimeOffset Time, double? Value)
{
    /// <summary>
    /// How long the point stands for, from <see cref="Time"/>: zero for one bucket, longer when thin buckets
    /// were merged into it (<see cref="ChartEvidence"/>).
    /// </summary>
    public TimeSpan Covers { get; init; }

    /// <summary>The requests or probes the value was computed from; null for a rate such as requests per second.</summary>
    public double? Events { get; init; }
}
