namespace Dashboard.Core.Checkpoints;

/// <summary>
/// One sample interval of a criterion's metric, canary beside baseline; null where that cohort
/// had no data in the interval. <paramref name="Time"/> is the interval's start.
/// </summary>
public sealed record IntervalSample(DateTimeOffset Time, double? Canary, double? Baseline);
