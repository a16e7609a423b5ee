namespace Dashboard.Core.Metrics;

/// <summary>
/// The derived metrics of one cohort over one window (docs/schema.md). A metric without data in the
/// window is <c>null</c>, never zero.
/// </summary>
public sealed record CohortMetrics
{
    public static CohortMetrics Empty { get; } = new();

    public double? ErrorRatePct { get; init; }
    public double? P50Ms { get; init; }
    public double? P95Ms { get; init; }
    public double? P99Ms { get; init; }
    public double? AvailabilityPct { get; init; }
    public double? Rps { get; init; }
    public double? ActiveLearners { get; init; }
    public double? RevenuePerLearner { get; init; }
    public double? CompletionRatePct { get; init; }
    public double? ChurnRatePct { get; init; }
    public double? CacheEfficiencyPct { get; init; }
    public double? CpuPct { get; init; }
    public double? MemoryMb { get; init; }

    /// <summary>
    /// Some <c>requests</c> point of this cohort in the window stayed torn over every re-read
    /// (docs/metrics.md, "Torn reads"): <see cref="ErrorRatePct"/>, the percentiles and
    /// <see cref="Rps"/> are null for that reason, not for lack of traffic.
    /// </summary>
    public bool IncompletePoints { get; init; }
}
