using Dashboard.Core.Evaluation;
using Dashboard.Core.Metrics;

namespace Dashboard.Web.Features.LiveMetrics.Components;

/// <summary>The metrics of the live pages, judged by the canary-phase thresholds of the three-phase plan.</summary>
public static class LiveMetricCatalog
{
    /// <summary>Which phase's thresholds colour the live pages, until rollouts and their phases exist.</summary>
    public const string PhaseDescription = "Canary phase thresholds (three-phase plan)";

    public static MetricDefinition ErrorRate { get; } =
        new("errorRatePct", "Error rate", "%", "0.00", CanaryCriteria.ErrorRatePct, m => m.ErrorRatePct);

    public static MetricDefinition P99 { get; } =
        new("p99Ms", "P99 latency", "ms", "0", CanaryCriteria.P99Ms, m => m.P99Ms);

    public static MetricDefinition Availability { get; } =
        new("availabilityPct", "Availability", "%", "0.000", CanaryCriteria.AvailabilityPct, m => m.AvailabilityPct);

    public static MetricDefinition Rps { get; } =
        new("rps", "Requests / s", "req/s", "0.0", Criterion: null, m => m.Rps);

    public static MetricDefinition ActiveLearners { get; } =
        new("activeLearners", "Active learners", string.Empty, "#,0", Criterion: null, m => m.ActiveLearners);

    /// <summary>Canary revenue per learner against baseline: one value, not one per cohort.</summary>
    public static MetricDefinition RevenueImpact { get; } =
        new("revenueImpactPct", "Revenue impact", "%", "+0.00;-0.00;0.00", CanaryCriteria.RevenueImpactPct, Select: null);

    /// <summary>The columns of the per-segment and per-region tables.</summary>
    public static IReadOnlyList<MetricDefinition> Breakdown { get; } = [ErrorRate, P99, Availability, Rps];

    public static MetricDefinition For(ChartMetric metric) => metric switch
    {
        ChartMetric.ErrorRatePct => ErrorRate,
        ChartMetric.P99Ms => P99,
        ChartMetric.AvailabilityPct => Availability,
        ChartMetric.Rps => Rps,
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "Unknown chart metric."),
    };
}
