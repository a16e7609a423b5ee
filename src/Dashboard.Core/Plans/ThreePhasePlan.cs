using Dashboard.Core.Evaluation;

namespace Dashboard.Core.Plans;

/// <summary>The three-phase plan of docs/plans.md: canary 1 % for 2 h, ramp 10 % for 4 h, rollout 100 % for 36 h.</summary>
internal static class ThreePhasePlan
{
    public static RolloutPlan Create() => new(
        "three-phase",
        "Three-phase canary",
        "Canary 1 % (2 h, GO/NO-GO by engineering and operations), ramp 10 % (4 h, advances by itself when "
        + "every checkpoint passes), rollout 100 % (36 h, final sign-off by all four leads).",
        [Canary(), Ramp(), Rollout()]);

    private static PlanPhase Canary() => new(
        "canary",
        1,
        "5K learners",
        TimeSpan.FromHours(2),
        BuiltInPlans.Offsets("15m", "30m", "1h", "1.5h", "2h"),
        [
            PassCriterion.Of(MetricKeys.ErrorRatePct, Comparator.LessThan, 1.0, 0.2),
            PassCriterion.Of(MetricKeys.P99Ms, Comparator.LessThan, 200, 20),
            PassCriterion.Of(MetricKeys.AvailabilityPct, Comparator.GreaterThan, 99.9, 0.05),
            PassCriterion.Of(MetricKeys.RevenueImpactPct, Comparator.GreaterThanOrEqual, 0, 0.5),
            BuiltInPlans.NoCriticalIncidents,
        ],
        BuiltInPlans.RollbackTriggers,
        [],
        PhaseGate.SignOff(SignOffRole.EngineeringLead, SignOffRole.OperationsLead).WithChecklist("canary-go-no-go"))
    {
        HoldOnCriticalIncident = true,
    };

    private static PlanPhase Ramp() => new(
        "ramp",
        10,
        "50K learners",
        TimeSpan.FromHours(4),
        BuiltInPlans.Offsets("15m", "30m", "1h", "2h", "3h", "4h"),
        [
            PassCriterion.Of(MetricKeys.ErrorRatePct, Comparator.LessThan, 0.5, 0.1),
            PassCriterion.Of(MetricKeys.P99Ms, Comparator.LessThan, 200, 20),
            PassCriterion.Of(MetricKeys.AvailabilityPct, Comparator.GreaterThan, 99.95, 0.025),
            PassCriterion.Of(MetricKeys.SegmentVariancePp, Comparator.LessThan, 5, 1),
            BuiltInPlans.NoCriticalIncidents,
        ],
        BuiltInPlans.RollbackTriggers,
        [],
        PhaseGate.AutoAdvance)
    {
        HoldOnCriticalIncident = true,
    };

    private static PlanPhase Rollout() => new(
        "rollout",
        100,
        "500K+ learners",
        TimeSpan.FromHours(36),
        BuiltInPlans.Offsets("15m", "30m", "1h", "2h", "4h", "8h", "24h", "36h"),
        [
            PassCriterion.Of(MetricKeys.ErrorRatePct, Comparator.LessThan, 0.1, 0.02),
            PassCriterion.Of(MetricKeys.P99Ms, Comparator.LessThan, 50, 5),
            PassCriterion.Of(MetricKeys.AvailabilityPct, Comparator.GreaterThan, 99.99, 0.005),
            PassCriterion.Of(MetricKeys.SegmentVariancePp, Comparator.LessThan, 5, 1),
            BuiltInPlans.NoCriticalIncidents,
            PassCriterion.Of(MetricKeys.RevenueImpactPct, Comparator.GreaterThanOrEqual, 5.8, 0.5),
            // "At 2h also memory stable and cache efficiency > 75 %": stable = growing under 10 MB/h.
            PassCriterion.Of(MetricKeys.MemoryGrowthMbPerHour, Comparator.LessThan, 10, 2, TimeSpan.FromHours(2)),
            PassCriterion.Of(MetricKeys.CacheEfficiencyPct, Comparator.GreaterThan, 75, 5, TimeSpan.FromHours(2)),
        ],
        BuiltInPlans.RollbackTriggers,
        [
            new([new(MetricKeys.ErrorRatePct, Comparator.GreaterThan, 0.5)], ContingencyAction.ReduceTrafficTo(50)),
            new(
                [new(MetricKeys.ErrorRatePct, Comparator.GreaterThan, 0.1), new(MetricKeys.ErrorRatePct, Comparator.LessThanOrEqual, 0.5)],
                ContingencyAction.MonitorClosely(TimeSpan.FromHours(2))),
            // "Lower anomalies": an error rate in the pass criterion's WARN zone and above.
            new([new(MetricKeys.ErrorRatePct, Comparator.GreaterThanOrEqual, 0.08)], ContingencyAction.Log),
        ],
        PhaseGate.SignOff(SignOffRole.EngineeringLead, SignOffRole.OperationsLead, SignOffRole.ProductLead, SignOffRole.FinanceLead)
            .WithChecklist("rollout-final-sign-off"))
    {
        HoldOnCriticalIncident = true,
    };
}
