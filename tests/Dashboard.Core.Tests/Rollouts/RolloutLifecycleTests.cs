using Dashboard.Core.Plans;
using Dashboard.Core.Rollouts;
using Dashboard.Core.Rollouts.Events;
using static Dashboard.Core.Tests.Rollouts.TestRollouts;

namespace Dashboard.Core.Tests.Rollouts;

public sealed class RolloutLifecycleTests
{
    [Fact]
    public void Start_RunsTheCanaryAndWantsItsWeight()
    {
        var rollout = New();
        var at = T0.AddMinutes(5);

        var result = Accept(rollout.Start(" alice ", " change CHG-42 approved ", at));

        Assert.Equal(
            [
                new RolloutStarted(Id, 0, at, "alice", "change CHG-42 approved", "canary", 1),
                new TrafficChangeRequested(Id, 0, at, "alice", "change CHG-42 approved", 0, 1),
            ],
            result.Events);
        Assert.Equal((RolloutStatus.InProgress, PhaseState.Running, 1), (rollout.Status, rollout.CurrentState, rollout.CanaryWeightPercent));
        Assert.Equal(("alice", at), (rollout.StartedBy, rollout.StartedAt));
        Assert.Equal(at, rollout.Phases[0].StartedAt);
        Assert.Equal(2, rollout.Version);
    }

    [Fact]
    public void Start_Twice_IsIllegal()
    {
        var rollout = Started();

        var error = Illegal(rollout.Start("alice", "again", T0.AddHours(1)));

        Assert.Equal(PhaseState.Running, error.Current);
        Assert.Contains(RolloutAction.Advance, error.Allowed);
    }

    [Fact]
    public void Advance_FromCanary_CompletesItAndStartsTheRampAt10Percent()
    {
        var rollout = Started();
        var at = T0.AddHours(2);

        var result = Accept(rollout.Advance("bob", "GO from engineering and operations", at));

        Assert.Equal(
            [
                new PhaseAdvanced(Id, 0, at, "bob", "GO from engineering and operations", "canary", 1, "ramp", 10),
                new TrafficChangeRequested(Id, 1, at, "bob", "GO from engineering and operations", 1, 10),
            ],
            result.Events);
        Assert.Equal((PhaseState.Completed, at), (rollout.Phases[0].State, rollout.Phases[0].EndedAt));
        Assert.Equal((PhaseState.Running, at), (rollout.Phases[1].State, rollout.Phases[1].StartedAt));
        Assert.Equal((1, 10), (rollout.CurrentPhaseIndex, rollout.CanaryWeightPercent));
    }

    [Fact]
    public void HappyPath_CanaryRampRollout_CompletesAt100Percent()
    {
        var rollout = Started();
        Accept(rollout.Advance("bob", "canary GO", T0.AddHours(2)));
        Accept(rollout.MarkPassed("engine", "all ramp checkpoints passed", T0.AddHours(6)));
        Accept(rollout.Advance("engine", "ramp auto-advance", T0.AddHours(6)));
        Accept(rollout.RequestSignOff("engine", "36 h window over", T0.AddHours(42)));
        Accept(rollout.MarkPassed("carol", "all four leads signed off", T0.AddHours(43)));

        var result = Accept(rollout.Advance("carol", "rollout complete", T0.AddHours(43)));

        Assert.Equal([new RolloutCompleted(Id, 2, T0.AddHours(43), "carol", "rollout complete", "rollout")], result.Events);
        Assert.Equal(RolloutStatus.Completed, rollout.Status);
        Assert.Equal(100, rollout.CanaryWeightPercent);
        Assert.All(rollout.Phases, phase => Assert.Equal(PhaseState.Completed, phase.State));
        Assert.Empty(rollout.AllowedActions);
        Assert.Equal(8, rollout.Version);
    }

    [Fact]
    public void Advance_AfterCompletion_IsIllegal()
    {
        var rollout = RunningPhase(2);
        Accept(rollout.Advance("bob", "done", T0.AddHours(40)));

        var error = Illegal(rollout.Advance("bob", "again", T0.AddHours(41)));

        Assert.Equal(PhaseState.Completed, error.Current);
        Assert.Empty(error.Allowed);
    }

    [Fact]
    public void Advance_BeforeStart_IsIllegal()
    {
        var error = Illegal(New().Advance("bob", "skip", T0));

        Assert.Equal((PhaseState.Pending, RolloutAction.Advance), (error.Current, error.Attempted));
        Assert.Equal([RolloutAction.Start, RolloutAction.Abort], error.Allowed);
    }

    [Fact]
    public void Advance_BetweenTiersOfTheSameWeight_AsksForNoTrafficChange()
    {
        var rollout = RunningPhase(2, BuiltInPlans.Tiered);

        var result = Accept(rollout.Advance("bob", "tier 50 passed", T0.AddDays(21)));

        var advanced = Assert.IsType<PhaseAdvanced>(Assert.Single(result.Events));
        Assert.Equal(("hold-50", 50), (advanced.ToPhaseName, advanced.TrafficPercent));
    }

    [Fact]
    public void Hold_FreezesTheWeightAndRemembersWhereItWas()
    {
        var rollout = RunningPhase(1);
        var at = T0.AddHours(3);

        var result = Accept(rollout.Hold("dave", "investigating a latency blip", at));

        Assert.Equal([new PhaseHeld(Id, 1, at, "dave", "investigating a latency blip", "ramp", PhaseState.Running)], result.Events);
        Assert.Equal((RolloutStatus.Held, PhaseState.Held, 10), (rollout.Status, rollout.CurrentState, rollout.CanaryWeightPercent));
        Assert.Equal(at, rollout.CurrentProgress.HeldAt);
        Assert.Equal([RolloutAction.Resume, RolloutAction.RollBack, RolloutAction.Abort, RolloutAction.RetryPhase], rollout.AllowedActions);
    }

    [Fact]
    public void Resume_AfterHold_RunsAgainWithTheSameClock()
    {
        var rollout = RunningPhase(1);
        var started = rollout.CurrentProgress.StartedAt;
        Accept(rollout.Hold("dave", "blip", T0.AddHours(3)));

        var result = Accept(rollout.Resume("dave", "blip explained", T0.AddHours(4)));

        Assert.IsType<PhaseResumed>(Assert.Single(result.Events));
        Assert.Equal((PhaseState.Running, RolloutStatus.InProgress), (rollout.CurrentState, rollout.Status));
        Assert.Equal(started, rollout.CurrentProgress.StartedAt);
        Assert.Null(rollout.CurrentProgress.HeldAt);
    }

    [Fact]
    public void Hold_WhileAwaitingSignOff_RecordsTheNoGo()
    {
        var rollout = Started();
        Accept(rollout.RequestSignOff("engine", "2 h window over", T0.AddHours(2)));

        var held = Assert.IsType<PhaseHeld>(Assert.Single(Accept(rollout.Hold("erin", "NO-GO: finance wants a day", T0.AddHours(3))).Events));

        Assert.Equal(PhaseState.AwaitingSignOff, held.PreviousState);
    }

    [Fact]
    public void RetryPhase_RestartsTheHeldPhaseFromNow()
    {
        var rollout = RunningPhase(0, BuiltInPlans.Tiered);
        Accept(rollout.Hold("engine", "tier failed: error rate 0.25 %", T0.AddDays(3)));
        var retryAt = T0.AddDays(17);

        var result = Accept(rollout.RetryPhase("engine", "two-week hold over", retryAt));

        Assert.IsType<PhaseRetried>(Assert.Single(result.Events));
        Assert.Equal((PhaseState.Running, retryAt), (rollout.CurrentState, rollout.CurrentProgress.StartedAt));
        Assert.Equal(TimeSpan.FromHours(1), rollout.TimeToNextCheckpoint(retryAt));
    }

    [Fact]
    public void Resume_WhenRunning_IsIllegal()
    {
        Assert.Equal(PhaseState.Running, Illegal(Started().Resume("dave", "resume", T0.AddHours(1))).Current);
    }

    [Fact]
    public void MarkPassed_ThenAdvance_MovesOn()
    {
        var rollout = RunningPhase(1);
        Accept(rollout.MarkPassed("engine", "all checkpoints passed", T0.AddHours(6)));

        Assert.Equal(PhaseState.Passed, rollout.CurrentState);
        Assert.Equal(RolloutStatus.InProgress, rollout.Status);
        Assert.IsType<PhaseAdvanced>(Accept(rollout.Advance("engine", "auto-advance", T0.AddHours(6))).Events[0]);
    }

    [Fact]
    public void TimeToNextCheckpoint_CountsFromThePhaseStart()
    {
        var rollout = Started();
        var started = rollout.CurrentProgress.StartedAt!.Value;

        Assert.Equal(TimeSpan.FromMinutes(5), rollout.TimeToNextCheckpoint(started.AddMinutes(10)));
        Assert.Equal(TimeSpan.FromMinutes(30), rollout.TimeToNextCheckpoint(started.AddHours(1)));
        Assert.Null(rollout.TimeToNextCheckpoint(started.AddHours(2)));
        Assert.Equal(TimeSpan.FromMinutes(10), rollout.CurrentProgress.Elapsed(started.AddMinutes(10)));
    }

    [Fact]
    public void TimeToNextCheckpoint_NotRunning_IsNull()
    {
        Assert.Null(New().TimeToNextCheckpoint(T0));
    }
}
