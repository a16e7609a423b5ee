namespace Dashboard.Core.Metrics;

/// <summary>One downsampled point of a chart; <see cref="Value"/> is null for an empty bucket.</summary>
public readonly record struct SeriesPoint(DateTimeOffset Time, double? Value);
