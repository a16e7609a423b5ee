using Dashboard.Core.Metrics;
using Dashboard.Web.Features.LiveMetrics;

namespace Dashboard.Web.Tests.TestSupport;

/// <summary>Builds feed states and snapshots with healthy defaults that a test overrides.</summary>
internal static class States
{
    public static CohortMetrics HealthyBaseline { get; } = new()
    {
        ErrorRatePct = 0.25,
        P99Ms = 120,
        AvailabilityPct = 99.98,
        Rps = 950.2,
        ActiveLearners = 495_000,
    };

    public static CohortMetrics HealthyCanary { get; } = new()
    {
        ErrorRatePct = 0.3,
        P99Ms = 130,
        AvailabilityPct = 99.99,
        Rps = 9.6,
        ActiveLearners = 5_000,
    };

    public static MetricsSnapshot Snapshot(
        CohortMetrics? canary = null,
        CohortMetrics? baseline = null,
        double? revenueImpactPct = 1.2,
        IReadOnlyDictionary<string, CohortPair>? segments = null,
        IReadOnlyDictionary<string, CohortPair>? regions = null) =>
        new(
            LiveDashboardTestHost.Start,
            60,
            revenueImpactPct,
            // Revenue impact is judged from revenue per learner of both cohorts (MetricCatalog), so the cohorts carry it.
            new CohortPair(
                (baseline ?? HealthyBaseline) with { RevenuePerLearner = 1 },
                (canary ?? HealthyCanary) with { RevenuePerLearner = 1 + (revenueImpactPct / 100) }),
            segments ?? new Dictionary<string, CohortPair>(),
            regions ?? new Dictionary<string, CohortPair>());

    /// <summary>A successful poll that finished <paramref name="age"/> before the test clock's start.</summary>
    public static LiveDashboardState Fresh(MetricsSnapshot? snapshot = null, TimeSpan age = default) => new()
    {
        Snapshot = snapshot ?? Snapshot(),
        LastSuccessAt = LiveDashboardTestHost.Start - age,
        LastAttemptAt = LiveDashboardTestHost.Start - age,
    };

    /// <summary>A failed poll: the last good values are <paramref name="age"/> old.</summary>
    public static LiveDashboardState Stale(string reason, TimeSpan age, MetricsSnapshot? snapshot = null) => new()
    {
        Snapshot = snapshot ?? Snapshot(),
        LastSuccessAt = LiveDashboardTestHost.Start - age,
        LastAttemptAt = LiveDashboardTestHost.Start,
        StaleReason = reason,
    };
}
