namespace Dashboard.Core.Metrics;

/// <summary>Consecutive buckets from <see cref="First"/> to <see cref="Last"/> (their start times) and their summed totals.</summary>
public sealed record MergedBuckets(DateTimeOffset First, DateTimeOffset Last, int Buckets, WindowTotals Totals);
