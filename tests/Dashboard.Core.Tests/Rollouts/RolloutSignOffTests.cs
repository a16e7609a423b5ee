using Dashboard.Core.Plans;
using Dashboard.Core.Rollouts;
using Dashboard.Core.Rollouts.Events;
using static Dashboard.Core.Tests.Rollouts.TestRollouts;

namespace Dashboard.Core.Tests.Rollouts;

public sealed class RolloutSignOffTests
{
    [Fact]
    public void RequestSignOff_OnASignOffGate_WaitsForTheRoles()
    {
        var rollout = Started();

        var requested = Assert.IsType<SignOffRequested>(Assert.Single(Accept(rollout.RequestSignOff("engine", "window over", T0.AddHours(2))).Events));

        Assert.Equal([SignOffRole.EngineeringLead, SignOffRole.OperationsLead], requested.Roles);
        Assert.Equal("canary-go-no-go", requested.ChecklistTemplateId);
        Assert.Equal(PhaseState.AwaitingSignOff, rollout.CurrentState);
        Assert.Equal(
            [RolloutAction.Advance, RolloutAction.Hold, RolloutAction.RollBack, RolloutAction.Abort, RolloutAction.MarkPassed],
            rollout.AllowedActions);
    }

    [Fact]
    public void RequestSignOff_OnAnAutoAdvancePhase_WaitsForAPersonWithNoRoles()
    {
        var rollout = RunningPhase(1);

        var requested = Assert.IsType<SignOffRequested>(Assert.Single(Accept(rollout.RequestSignOff("engine", "last checkpoint warned", T0.AddHours(6))).Events));

        Assert.Empty(requested.Roles);
        Assert.Null(requested.ChecklistTemplateId);
        Assert.Equal("last checkpoint warned", requested.Reason);
        Assert.Equal(PhaseState.AwaitingSignOff, rollout.CurrentState);
        Assert.Contains(RolloutAction.Advance, rollout.AllowedActions);
    }

    [Fact]
    public void ChangeTraffic_WhileAwaitingSignOff_IsIllegal()
    {
        var rollout = Started();
        Accept(rollout.RequestSignOff("engine", "window over", T0.AddHours(2)));

        Assert.Equal(PhaseState.AwaitingSignOff, Illegal(rollout.ChangeTraffic(5, "bob", "more", T0.AddHours(2))).Current);
    }

    [Fact]
    public void IllegalTransition_OnAnAutoAdvancePhase_NamesEveryActionOfARunningPhase()
    {
        var error = Illegal(RunningPhase(1).Start("bob", "again", T0.AddHours(3)));

        Assert.Equal(PhaseStateMachine.AllowedActions(PhaseState.Running), error.Allowed);
    }
}
