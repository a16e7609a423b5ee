using Dashboard.Core.Checkpoints;
using Dashboard.Core.Evaluation;
using Dashboard.Core.Plans;

namespace Dashboard.Core.Tests.Checkpoints;

public sealed class CheckpointDecisionRubricTests
{
    // The rollout phase of the three-phase plan: rollback triggers and the error-rate contingency bands.
    private static readonly PlanPhase Rollout = BuiltInPlans.ThreePhase.Phases[2];

    private static Func<string, double?> Values(double? errorRate) =>
        key => key == MetricKeys.ErrorRatePct ? errorRate : null;

    [Theory]
    [InlineData(Verdict.Pass, CheckpointDecision.Continue)]
    [InlineData(Verdict.Warn, CheckpointDecision.MonitorClosely)]
    [InlineData(Verdict.NoData, CheckpointDecision.MonitorClosely)]
    [InlineData(Verdict.Fail, CheckpointDecision.ReduceTraffic)]
    public void Suggest_WithoutRules_FollowsTheOverallVerdict(Verdict overall, CheckpointDecision expected)
    {
        Assert.Equal(expected, CheckpointDecisionRubric.Suggest(Rollout, overall, Values(null), Values(null)).Decision);
    }

    [Fact]
    public void Suggest_RollbackTriggerInTheLastInterval_Aborts()
    {
        var suggestion = CheckpointDecisionRubric.Suggest(Rollout, Verdict.Pass, Values(0.05), Values(1.6));

        Assert.Equal(CheckpointDecision.Abort, suggestion.Decision);
        Assert.Contains("Error rate > 1.5 %", suggestion.Reason, StringComparison.Ordinal);
        Assert.Contains("last interval", suggestion.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.6, CheckpointDecision.ReduceTraffic)]
    [InlineData(0.3, CheckpointDecision.MonitorClosely)]
    [InlineData(0.09, CheckpointDecision.Continue)]
    public void Suggest_ContingencyBands_EscalateAPassingCheckpoint(double errorRate, CheckpointDecision expected)
    {
        Assert.Equal(expected, CheckpointDecisionRubric.Suggest(Rollout, Verdict.Pass, Values(errorRate), Values(null)).Decision);
    }

    [Fact]
    public void Suggest_ContingencyRule_NeverLowersAFailedVerdict()
    {
        Assert.Equal(CheckpointDecision.ReduceTraffic, CheckpointDecisionRubric.Suggest(Rollout, Verdict.Fail, Values(0.3), Values(0.3)).Decision);
    }
}
