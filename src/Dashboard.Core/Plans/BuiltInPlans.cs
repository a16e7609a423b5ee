using Dashboard.Core.Evaluation;

namespace Dashboard.Core.Plans;

/// <summary>
/// The two plans of the runbooks (docs/plans.md), shipped as templates. The WARN margins follow one
/// rule (docs/plans.md): 20 % of the threshold for error rates, variance and counts-like limits,
/// 10 % for latency, half the remaining error budget for availability, 0.5 pp for revenue.
/// </summary>
public static class BuiltInPlans
{
    /// <summary>The auto-rollback triggers of docs/plans.md, checked continuously in every phase.</summary>
    public static IReadOnlyList<MetricCondition> RollbackTriggers { get; } =
    [
        new(MetricKeys.ErrorRatePct, Comparator.GreaterThan, 1.5),
        new(MetricKeys.P99Ms, Comparator.GreaterThan, 250),
        new(MetricKeys.AvailabilityPct, Comparator.LessThan, 99),
        new(MetricKeys.RevenueImpactPct, Comparator.LessThan, -5),
    ];

    /// <summary>"Zero critical incidents": at most 0, no WARN zone.</summary>
    internal static PassCriterion NoCriticalIncidents { get; } =
        PassCriterion.Of(MetricKeys.CriticalIncidents, Comparator.LessThanOrEqual, 0, 0);

    internal static IReadOnlyList<TimeSpan> Offsets(params string[] texts) => [.. texts.Select(PlanDuration.Parse)];

    // Declared after the shared triggers and criteria: static initialisers run in text order.
    public static RolloutPlan ThreePhase { get; } = ThreePhasePlan.Create();

    public static RolloutPlan Tiered { get; } = TieredPlan.Create();

    public static IReadOnlyList<RolloutPlan> All { get; } = [ThreePhase, Tiered];

    /// <summary>The built-in plan with <paramref name="id"/>, or null.</summary>
    public static RolloutPlan? Find(string id) => All.FirstOrDefault(plan => plan.Id == id);
}
