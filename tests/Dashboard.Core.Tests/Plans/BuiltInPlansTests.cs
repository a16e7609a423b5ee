using Dashboard.Core.Evaluation;
using Dashboard.Core.Plans;

namespace Dashboard.Core.Tests.Plans;

public sealed class BuiltInPlansTests
{
    private static RolloutPlan ThreePhase => BuiltInPlans.ThreePhase;

    public static TheoryData<string> PlanIds => new(BuiltInPlans.All.Select(plan => plan.Id));

    private static Criterion CriterionFor(PlanPhase phase, string metric) =>
        Assert.Single(phase.Criteria, criterion => criterion.Metric == metric).Criterion;

    private static string[] Offsets(PlanPhase phase) => [.. phase.Checkpoints.Select(PlanDuration.Format)];

    [Theory]
    [MemberData(nameof(PlanIds))]
    public void BuiltInPlan_IsValid(string id)
    {
        Assert.Empty(PlanValidator.Validate(BuiltInPlans.Find(id)!));
    }

    [Theory]
    [MemberData(nameof(PlanIds))]
    public void BuiltInPlan_SerializeThenParse_RoundTrips(string id)
    {
        var json = PlanJson.Serialize(BuiltInPlans.Find(id)!);

        var parsed = PlanJson.Parse(json);

        Assert.True(parsed.IsValid, string.Join("\n", parsed.Problems));
        Assert.Equal(json, PlanJson.Serialize(parsed.Plan));
    }

    [Fact]
    public void All_HasBothRunbookPlansWithDistinctIds()
    {
        Assert.Equal(["three-phase", "tiered"], BuiltInPlans.All.Select(plan => plan.Id));
        Assert.Null(BuiltInPlans.Find("nope"));
    }

    [Fact]
    public void ThreePhase_PhasesMatchTheRunbook()
    {
        Assert.Equal(["canary", "ramp", "rollout"], ThreePhase.Phases.Select(phase => phase.Name));
        Assert.Equal([1, 10, 100], ThreePhase.Phases.Select(phase => phase.TrafficPercent));
        Assert.Equal(["5K learners", "50K learners", "500K+ learners"], ThreePhase.Phases.Select(phase => phase.ExpectedPopulation));
        Assert.Equal([TimeSpan.FromHours(2), TimeSpan.FromHours(4), TimeSpan.FromHours(36)], ThreePhase.Phases.Select(phase => phase.Duration));
        Assert.Null(ThreePhase.OnFailedPhase);
    }

    [Fact]
    public void ThreePhase_CheckpointsMatchTheRunbook()
    {
        Assert.Equal(["15m", "30m", "1h", "90m", "2h"], Offsets(ThreePhase.Phases[0]));
        Assert.Equal(["15m", "30m", "1h", "2h", "3h", "4h"], Offsets(ThreePhase.Phases[1]));
        Assert.Equal(["15m", "30m", "1h", "2h", "4h", "8h", "24h", "36h"], Offsets(ThreePhase.Phases[2]));
    }

    [Fact]
    public void ThreePhase_CanaryCriteria_MatchTheRunbookAndJudgeThePagesWithNoRolloutRunning()
    {
        var canary = ThreePhase.Phases[0];

        Assert.Equal(new Criterion(MetricKeys.ErrorRatePct, Comparator.LessThan, 1.0, 0.2), CriterionFor(canary, MetricKeys.ErrorRatePct));
        Assert.Equal(new Criterion(MetricKeys.P99Ms, Comparator.LessThan, 200, 20), CriterionFor(canary, MetricKeys.P99Ms));
        Assert.Equal(new Criterion(MetricKeys.AvailabilityPct, Comparator.GreaterThan, 99.9, 0.05), CriterionFor(canary, MetricKeys.AvailabilityPct));
        Assert.Equal(new Criterion(MetricKeys.RevenueImpactPct, Comparator.GreaterThanOrEqual, 0, 0.5), CriterionFor(canary, MetricKeys.RevenueImpactPct));
        Assert.Same(canary.Criteria, PhaseThresholds.NoRolloutRunning.Criteria);
        Assert.Equal("No rollout running — thresholds of the three-phase plan's canary phase", PhaseThresholds.NoRolloutRunning.Description);
        Assert.Equal(new Criterion(MetricKeys.CriticalIncidents, Comparator.LessThanOrEqual, 0, 0), CriterionFor(canary, MetricKeys.CriticalIncidents));
    }

    [Fact]
    public void ThreePhase_RampCriteria_MatchTheRunbookAndAdvanceByThemselves()
    {
        var ramp = ThreePhase.Phases[1];

        Assert.Equal((Comparator.LessThan, 0.5), (CriterionFor(ramp, MetricKeys.ErrorRatePct).Comparator, CriterionFor(ramp, MetricKeys.ErrorRatePct).Threshold));
        Assert.Equal(200, CriterionFor(ramp, MetricKeys.P99Ms).Threshold);
        Assert.Equal((Comparator.GreaterThan, 99.95), (CriterionFor(ramp, MetricKeys.AvailabilityPct).Comparator, CriterionFor(ramp, MetricKeys.AvailabilityPct).Threshold));
        Assert.Equal(5, CriterionFor(ramp, MetricKeys.SegmentVariancePp).Threshold);
        Assert.Equal(0, CriterionFor(ramp, MetricKeys.CriticalIncidents).Threshold);
        Assert.Equal(GateKind.AutoAdvance, ramp.Gate.Kind);
    }

    [Fact]
    public void ThreePhase_RolloutCriteria_MatchTheRunbook()
    {
        var rollout = ThreePhase.Phases[2];

        Assert.Equal(0.1, CriterionFor(rollout, MetricKeys.ErrorRatePct).Threshold);
        Assert.Equal(50, CriterionFor(rollout, MetricKeys.P99Ms).Threshold);
        Assert.Equal(99.99, CriterionFor(rollout, MetricKeys.AvailabilityPct).Threshold);
        Assert.Equal(5, CriterionFor(rollout, MetricKeys.SegmentVariancePp).Threshold);
        Assert.Equal((Comparator.GreaterThanOrEqual, 5.8), (CriterionFor(rollout, MetricKeys.RevenueImpactPct).Comparator, CriterionFor(rollout, MetricKeys.RevenueImpactPct).Threshold));
        Assert.Equal((Comparator.GreaterThan, 75.0), (CriterionFor(rollout, MetricKeys.CacheEfficiencyPct).Comparator, CriterionFor(rollout, MetricKeys.CacheEfficiencyPct).Threshold));
        Assert.All(
            rollout.Criteria.Where(criterion => criterion.Metric is MetricKeys.CacheEfficiencyPct or MetricKeys.MemoryGrowthMbPerHour),
            criterion => Assert.Equal(TimeSpan.FromHours(2), criterion.FromCheckpoint));
    }

    [Fact]
    public void ThreePhase_EveryPhase_HasTheRunbookRollbackTriggers()
    {
        string[] expected = ["Error rate > 1.5 %", "P99 latency > 250 ms", "Availability < 99 %", "Revenue impact < -5 %"];

        Assert.All(ThreePhase.Phases, phase => Assert.Equal(expected, phase.AutoRollbackTriggers.Select(trigger => trigger.ToString())));
    }

    [Fact]
    public void ThreePhase_ContingencyRules_OnlyInTheRolloutPhase()
    {
        Assert.Empty(ThreePhase.Phases[0].ContingencyRules);
        Assert.Empty(ThreePhase.Phases[1].ContingencyRules);
        var rules = ThreePhase.Phases[2].ContingencyRules;
        Assert.Equal(ContingencyAction.ReduceTrafficTo(50), rules[0].Then);
        Assert.Equal(ContingencyAction.MonitorClosely(TimeSpan.FromHours(2)), rules[1].Then);
        Assert.Equal(ContingencyAction.Log, rules[2].Then);
    }

    [Fact]
    public void ThreePhase_Gates_CanaryAndRolloutNeedSignOff()
    {
        Assert.Equal([SignOffRole.EngineeringLead, SignOffRole.OperationsLead], ThreePhase.Phases[0].Gate.RequiredRoles);
        Assert.Equal(Enum.GetValues<SignOffRole>(), ThreePhase.Phases[2].Gate.RequiredRoles);
    }

    [Fact]
    public void Tiered_TiersMatchTheRunbook()
    {
        var tiers = BuiltInPlans.Tiered.Phases;

        Assert.Equal([10, 25, 50, 50, 75, 90, 95, 100], tiers.Select(phase => phase.TrafficPercent));
        Assert.All(tiers, tier => Assert.Equal(TimeSpan.FromDays(7), tier.Duration));
        Assert.Equal(
            [0.2, 0.2, 0.15, 0.15, 0.12, 0.12, 0.10, 0.10],
            tiers.Select(tier => CriterionFor(tier, MetricKeys.ErrorRatePct).Threshold));
        Assert.All(tiers, tier => Assert.Equal(100, CriterionFor(tier, MetricKeys.P99Ms).Threshold));
        Assert.Equal(
            [99.95, 99.95, 99.95, 99.95, 99.95, 99.95, 99.95, 99.99],
            tiers.Select(tier => CriterionFor(tier, MetricKeys.AvailabilityPct).Threshold));
        Assert.All(tiers, tier => Assert.Equal(0, CriterionFor(tier, MetricKeys.DataLossEvents).Threshold));
    }

    [Fact]
    public void Tiered_FailedTier_HoldsTwoWeeksAndRetries()
    {
        Assert.Equal(new FailedPhasePolicy(TimeSpan.FromDays(14), Retry: true), BuiltInPlans.Tiered.OnFailedPhase);
    }

    [Fact]
    public void Tiered_HoldAt50_NeedsAllFourLeads()
    {
        var hold = Assert.Single(BuiltInPlans.Tiered.Phases, phase => phase.Name == "hold-50");

        Assert.Equal(GateKind.SignOff, hold.Gate.Kind);
        Assert.Equal(Enum.GetValues<SignOffRole>(), hold.Gate.RequiredRoles);
    }

    [Fact]
    public void WarnMargins_AreInsideEveryThresholdsPassingSide()
    {
        // A margin as wide as the threshold would turn every passing error rate into a WARN.
        var criteria = BuiltInPlans.All.SelectMany(plan => plan.Phases).SelectMany(phase => phase.Criteria).Select(criterion => criterion.Criterion);

        Assert.All(
            criteria.Where(criterion => criterion.Metric is MetricKeys.ErrorRatePct or MetricKeys.P99Ms),
            criterion => Assert.True(criterion.WarnMargin > 0 && criterion.WarnMargin <= criterion.Threshold * 0.2 + 1e-9, criterion.ToString()));
        Assert.All(
            criteria.Where(criterion => criterion.Metric == MetricKeys.AvailabilityPct),
            criterion => Assert.Equal((100 - criterion.Threshold) / 2, criterion.WarnMargin, 9));
    }
}
