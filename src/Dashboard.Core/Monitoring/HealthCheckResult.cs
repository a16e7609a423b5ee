using Dashboard.Core.Evaluation;

namespace Dashboard.Core.Monitoring;

/// <summary>What a health check found: the overall verdict of the counted metrics, a one-line summary, and every metric.</summary>
public sealed record HealthCheckResult(Verdict Overall, string Summary, IReadOnlyList<HealthCheckMetric> Metrics)
{
    /// <summary>A calendar check that found no active rollout: nothing was judged, so nothing was shown to be fine.</summary>
    public static HealthCheckResult NoActiveRollout { get; } =
        new(Verdict.NoData, "NO DATA — no active rollout: nothing to judge.", []);
}
