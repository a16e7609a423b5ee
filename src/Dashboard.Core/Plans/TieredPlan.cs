using Dashboard.Core.Evaluation;

namespace Dashboard.Core.Plans;

/// <summary>
/// The tiered plan of docs/plans.md: 10 → 25 → 50 → hold at 50 → 75 → 90 → 95 → 100 %, a week each.
/// Error limits tighten as traffic grows (0.2 / 0.15 / 0.12 / 0.10 %); a failed tier holds for two
/// weeks and retries.
/// </summary>
internal static class TieredPlan
{
    private static readonly SignOffRole[] AllLeads =
        [SignOffRole.EngineeringLead, SignOffRole.OperationsLead, SignOffRole.ProductLead, SignOffRole.FinanceLead];

    public static RolloutPlan Create() => new(
        "tiered",
        "Tiered rollout",
        "Weekly tiers 10 → 25 → 50 → hold at 50 → 75 → 90 → 95 → 100 %. GO/NO-GO by all four leads at the hold, "
        + "by engineering, operations and product before 100 %, and by engineering and operations to close; "
        + "the other tiers advance by themselves when every checkpoint passes. A failed tier holds two weeks and retries.",
        [
            Tier("tier-10", 10, 0.2, PhaseGate.AutoAdvance),
            Tier("tier-25", 25, 0.2, PhaseGate.AutoAdvance),
            Tier("tier-50", 50, 0.15, PhaseGate.AutoAdvance),
            Tier("hold-50", 50, 0.15, PhaseGate.SignOff(AllLeads).WithChecklist("tier-hold-go-no-go")),
            Tier("tier-75", 75, 0.12, PhaseGate.AutoAdvance),
            Tier("tier-90", 90, 0.12, PhaseGate.AutoAdvance),
            Tier("tier-95", 95, 0.10, PhaseGate.SignOff(SignOffRole.EngineeringLead, SignOffRole.OperationsLead, SignOffRole.ProductLead)),
            Tier("tier-100", 100, 0.10, PhaseGate.SignOff(SignOffRole.EngineeringLead, SignOffRole.OperationsLead)),
        ],
        new FailedPhasePolicy(TimeSpan.FromDays(14), Retry: true));

    private static PlanPhase Tier(string name, int traffic, double maxErrorRatePct, PhaseGate gate)
    {
        var (availability, availabilityMargin) = traffic == 100 ? (99.99, 0.005) : (99.95, 0.025);
        return new(
            name,
            traffic,
            $"{traffic} % of learners",
            TimeSpan.FromDays(7),
            BuiltInPlans.Offsets("1h", "4h", "1d", "2d", "3d", "4d", "5d", "6d", "7d"),
            [
                PassCriterion.Of(MetricKeys.ErrorRatePct, Comparator.LessThan, maxErrorRatePct, Math.Round(maxErrorRatePct * 0.2, 3)),
                PassCriterion.Of(MetricKeys.P99Ms, Comparator.LessThan, 100, 10),
                PassCriterion.Of(MetricKeys.AvailabilityPct, Comparator.GreaterThan, availability, availabilityMargin),
                PassCriterion.Of(MetricKeys.DataLossEvents, Comparator.LessThanOrEqual, 0, 0),
                BuiltInPlans.NoCriticalIncidents,
            ],
            BuiltInPlans.RollbackTriggers,
            [],
            gate)
        {
            HoldOnCriticalIncident = true,
        };
    }
}
