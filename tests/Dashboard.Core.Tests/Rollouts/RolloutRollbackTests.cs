using Dashboard.Core.Rollouts;
using Dashboard.Core.Rollouts.Events;
using static Dashboard.Core.Tests.Rollouts.TestRollouts;

namespace Dashboard.Core.Tests.Rollouts;

public sealed class RolloutRollbackTests
{
    [Theory]
    [InlineData(0, "canary", 1)]
    [InlineData(1, "ramp", 10)]
    [InlineData(2, "rollout", 100)]
    public void RollBack_FromEachPhase_WantsZeroAndEndsTheRollout(int phaseIndex, string phaseName, int weight)
    {
        var rollout = RunningPhase(phaseIndex);
        var at = T0.AddHours(10);

        var result = Accept(rollout.RollBack("guardrails", "error rate 1.8 % > 1.5 %", at));

        Assert.Equal(
            [
                new RolledBack(Id, phaseIndex, at, "guardrails", "error rate 1.8 % > 1.5 %", phaseName, weight),
                new TrafficChangeRequested(Id, phaseIndex, at, "guardrails", "error rate 1.8 % > 1.5 %", weight, 0),
            ],
            result.Events);
        Assert.Equal((RolloutStatus.RolledBack, PhaseState.RolledBack, 0), (rollout.Status, rollout.CurrentState, rollout.CanaryWeightPercent));
        Assert.Equal(at, rollout.CurrentProgress.EndedAt);
        Assert.All(rollout.Phases.Skip(phaseIndex + 1), phase => Assert.Equal(PhaseState.Pending, phase.State));
        Assert.Empty(rollout.AllowedActions);
    }

    [Fact]
    public void RollBack_FromHeld_WantsZero()
    {
        var rollout = RunningPhase(1);
        Accept(rollout.Hold("dave", "look", T0.AddHours(3)));

        Accept(rollout.RollBack("dave", "confirmed regression", T0.AddHours(4)));

        Assert.Equal((RolloutStatus.RolledBack, 0), (rollout.Status, rollout.CanaryWeightPercent));
        Assert.Null(rollout.CurrentProgress.HeldAt);
    }

    [Fact]
    public void RollBack_BeforeStart_IsIllegal()
    {
        Assert.Equal(PhaseState.Pending, Illegal(New().RollBack("dave", "nothing to roll back", T0)).Current);
    }

    [Fact]
    public void RollBack_AfterZeroTrafficChange_AsksForNoFurtherChange()
    {
        var rollout = Started();
        Accept(rollout.ChangeTraffic(0, "dave", "drain first", T0.AddMinutes(20)));

        var result = Accept(rollout.RollBack("dave", "regression", T0.AddMinutes(25)));

        Assert.IsType<RolledBack>(Assert.Single(result.Events));
    }

    [Fact]
    public void AnyAction_AfterRollBack_IsIllegal()
    {
        var rollout = Started();
        Accept(rollout.RollBack("dave", "regression", T0.AddHours(1)));

        Assert.Equal(PhaseState.RolledBack, Illegal(rollout.Resume("dave", "undo", T0.AddHours(2))).Current);
        Assert.Equal(PhaseState.RolledBack, Illegal(rollout.ChangeTraffic(1, "dave", "undo", T0.AddHours(2))).Current);
        Assert.Equal(PhaseState.RolledBack, Illegal(rollout.Abort("dave", "undo", T0.AddHours(2))).Current);
    }

    [Fact]
    public void Abort_BeforeStart_EndsWithoutATrafficChange()
    {
        var rollout = New();

        var result = Accept(rollout.Abort("alice", "wrong candidate version", T0.AddMinutes(1)));

        Assert.Equal([new RolloutAborted(Id, 0, T0.AddMinutes(1), "alice", "wrong candidate version", "canary")], result.Events);
        Assert.Equal((RolloutStatus.Aborted, 0), (rollout.Status, rollout.CanaryWeightPercent));
        Assert.Null(rollout.CurrentProgress.EndedAt);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 10)]
    [InlineData(2, 100)]
    public void Abort_WhileRunning_TakesTheCandidateOutOfTraffic(int phaseIndex, int weight)
    {
        var rollout = RunningPhase(phaseIndex);

        var result = Accept(rollout.Abort("alice", "release cancelled", T0.AddHours(5)));

        Assert.IsType<RolloutAborted>(result.Events[0]);
        var traffic = Assert.IsType<TrafficChangeRequested>(result.Events[1]);
        Assert.Equal((weight, 0), (traffic.FromPercent, traffic.ToPercent));
        Assert.Equal((RolloutStatus.Aborted, PhaseState.Aborted), (rollout.Status, rollout.CurrentState));
    }
}
