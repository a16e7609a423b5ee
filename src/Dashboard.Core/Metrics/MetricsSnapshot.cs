namespace Dashboard.Core.Metrics;

/// <summary>
/// Every derived metric for one window ending at <see cref="AsOf"/>: per cohort, and per
/// segment and region keyed by the tag value exactly as stored.
/// </summary>
public sealed record MetricsSnapshot(
    DateTimeOffset AsOf,
    int WindowSeconds,
    double? RevenueImpactPct,
    CohortPair Cohorts,
    IReadOnlyDictionary<string, CohortPair> Segments,
    IReadOnlyDictionary<string, CohortPair> Regions)
{
    /// <summary>The time of the newest point seen in the window, or null when the window is empty.</summary>
    public DateTimeOffset? NewestPointAt { get; init; }

    /// <summary>
    /// A cohort holds a torn <c>requests</c> group (<see cref="CohortMetrics.IncompletePoints"/>); every
    /// segment and region holding that group is a part of its cohort, so the cohorts tell for all.
    /// </summary>
    public bool HasIncompletePoints => Cohorts.Baseline.IncompletePoints || Cohorts.Canary.IncompletePoints;
}
