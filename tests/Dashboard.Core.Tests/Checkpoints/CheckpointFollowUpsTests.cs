using Dashboard.Core.Checkpoints;
using Dashboard.Core.Evaluation;
using Dashboard.Core.Plans;

namespace Dashboard.Core.Tests.Checkpoints;

/// <summary>What a checkpoint verdict does to its phase: "auto-advance if ALL pass", a WARN waits for a person.</summary>
public sealed class CheckpointFollowUpsTests
{
    private static readonly PlanPhase Canary = BuiltInPlans.ThreePhase.Phases[0];
    private static readonly PlanPhase Ramp = BuiltInPlans.ThreePhase.Phases[1];
    private static readonly PlanPhase RampAdvancingOnWarn = Ramp with { Gate = Ramp.Gate with { AdvanceOnWarn = true } };
    private static readonly TimeSpan RampLast = TimeSpan.FromHours(4);

    [Fact]
    public void Decide_AutoAdvanceLastCheckpointAllPass_Advances()
    {
        Assert.Equal(CheckpointFollowUp.Advance, CheckpointFollowUps.Decide(Ramp, RampLast, Verdict.Pass));
    }

    [Fact]
    public void Decide_AutoAdvanceLastCheckpointWarn_WaitsForAPerson()
    {
        Assert.Equal(CheckpointFollowUp.WaitForPerson, CheckpointFollowUps.Decide(Ramp, RampLast, Verdict.Warn));
    }

    [Fact]
    public void Decide_AutoAdvanceLastCheckpointWarnWithAdvanceOnWarn_Advances()
    {
        Assert.Equal(CheckpointFollowUp.Advance, CheckpointFollowUps.Decide(RampAdvancingOnWarn, RampLast, Verdict.Warn));
    }

    [Theory]
    [InlineData(Verdict.Fail, false)]
    [InlineData(Verdict.NoData, false)]
    [InlineData(Verdict.Fail, true)]
    [InlineData(Verdict.NoData, true)]
    public void Decide_FailOrNoDataAtTheLastCheckpoint_HoldsEvenWithAdvanceOnWarn(Verdict verdict, bool advanceOnWarn)
    {
        Assert.Equal(CheckpointFollowUp.Hold, CheckpointFollowUps.Decide(advanceOnWarn ? RampAdvancingOnWarn : Ramp, RampLast, verdict));
    }

    [Theory]
    [InlineData(Verdict.Fail)]
    [InlineData(Verdict.NoData)]
    public void Decide_FailOrNoDataAtAnEarlierCheckpoint_Holds(Verdict verdict)
    {
        Assert.Equal(CheckpointFollowUp.Hold, CheckpointFollowUps.Decide(Ramp, TimeSpan.FromMinutes(15), verdict));
    }

    [Theory]
    [InlineData(Verdict.Pass)]
    [InlineData(Verdict.Warn)]
    public void Decide_PassOrWarnAtAnEarlierCheckpoint_Continues(Verdict verdict)
    {
        Assert.Equal(CheckpointFollowUp.Continue, CheckpointFollowUps.Decide(Ramp, TimeSpan.FromHours(3), verdict));
    }

    [Theory]
    [InlineData(Verdict.Pass)]
    [InlineData(Verdict.Warn)]
    public void Decide_SignOffGateLastCheckpointPassOrWarn_RequestsSignOff(Verdict verdict)
    {
        Assert.Equal(CheckpointFollowUp.RequestSignOff, CheckpointFollowUps.Decide(Canary, TimeSpan.FromHours(2), verdict));
    }

    [Fact]
    public void Warnings_AreTheGatingCriteriaThatWarned_DryRunsLeftOut()
    {
        CriterionEvaluation[] criteria =
        [
            Judge(new PassCriterion(new Criterion(MetricKeys.ErrorRatePct, Comparator.LessThan, 0.5, 0.1)), 0.42),
            Judge(new PassCriterion(new Criterion(MetricKeys.P99Ms, Comparator.LessThan, 200, 20)), 120),
            Judge(new PassCriterion(new Criterion(MetricKeys.P95Ms, Comparator.LessThan, 120, 12)) { DryRun = true }, 115),
            Judge(new PassCriterion(new Criterion(MetricKeys.AvailabilityPct, Comparator.GreaterThan, 99.95, 0.025)), 99.96),
        ];
        var window = CheckpointWindow.For(Ramp, DateTimeOffset.UnixEpoch, RampLast);
        var evaluation = new CheckpointEvaluation(
            "rollout", 1, Ramp.Name, RampLast, window, window.DueAt, criteria, CheckpointVerdicts.Overall(criteria),
            CheckpointDecision.MonitorClosely, "a criterion is inside its WARN margin", []);

        Assert.Equal(Verdict.Warn, evaluation.OverallVerdict);
        Assert.Equal([MetricKeys.ErrorRatePct, MetricKeys.AvailabilityPct], CheckpointFollowUps.Warnings(evaluation).Select(c => c.Metric));
    }

    private static CriterionEvaluation Judge(PassCriterion criterion, double value) =>
        CriterionEvaluation.Judge(criterion, "%", value, value, null, null, TimeSpan.FromMinutes(1), []);
}
