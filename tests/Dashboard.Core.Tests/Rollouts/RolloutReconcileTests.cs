using Dashboard.Core.Rollouts;
using Dashboard.Core.Rollouts.Events;
using Dashboard.Core.Routing;
using static Dashboard.Core.Tests.Rollouts.TestRollouts;

namespace Dashboard.Core.Tests.Rollouts;

public sealed class RolloutReconcileTests
{
    [Fact]
    public void ReconcileTraffic_RouterOffTheRecord_RecordsTheObservationAndReappliesTheRecordedWeight()
    {
        var rollout = Started();
        Accept(rollout.ChangeTraffic(10, "bob", "ramp", T0.AddMinutes(30)));
        var at = T0.AddHours(1);

        var result = Accept(rollout.ReconcileTraffic(new TrafficWeights(35, 65), " carol ", " router was edited by hand ", at));

        Assert.Equal(
            [
                new TrafficReconciled(Id, 0, at, "carol", "router was edited by hand", 35, 65, 35.0, 10),
                new TrafficChangeRequested(Id, 0, at, "carol", "router was edited by hand", 35, 10),
            ],
            result.Events);
        Assert.Equal((10, PhaseState.Running, 4), (rollout.CanaryWeightPercent, rollout.CurrentState, rollout.Version));
    }

    [Fact]
    public void ReconcileTraffic_FractionalObservedShare_StartsTheChangeFromTheRoundedPercent()
    {
        var rollout = Started();

        var result = Accept(rollout.ReconcileTraffic(new TrafficWeights(1, 2), "carol", "odd weights", T0.AddHours(1)));

        var change = Assert.IsType<TrafficChangeRequested>(result.Events[1]);
        Assert.Equal((33, 1), (change.FromPercent, change.ToPercent));
        Assert.Equal(100.0 / 3, Assert.IsType<TrafficReconciled>(result.Events[0]).ObservedCanaryPercent);
    }

    [Fact]
    public void ReconcileTraffic_RouterUnread_ReappliesFromTheRecordedWeightWithoutObservation()
    {
        var rollout = Started();

        var result = Accept(rollout.ReconcileTraffic(null, "carol", "router restarted", T0.AddHours(1)));

        var reconciled = Assert.IsType<TrafficReconciled>(result.Events[0]);
        Assert.Equal((null, null, null, 1), (reconciled.ObservedCanaryWeight, reconciled.ObservedBaselineWeight, reconciled.ObservedCanaryPercent, reconciled.RecordedPercent));
        var change = Assert.IsType<TrafficChangeRequested>(result.Events[1]);
        Assert.Equal((1, 1), (change.FromPercent, change.ToPercent));
    }

    [Theory]
    [InlineData(PhaseState.Held)]
    [InlineData(PhaseState.RolledBack)]
    [InlineData(PhaseState.Aborted)]
    [InlineData(PhaseState.AwaitingSignOff)]
    public void ReconcileTraffic_InAnyStateAfterStart_IsAcceptedAndKeepsTheState(PhaseState state)
    {
        var rollout = Started();
        Accept(state switch
        {
            PhaseState.Held => rollout.Hold("bob", "look", T0.AddMinutes(5)),
            PhaseState.RolledBack => rollout.RollBack("bob", "bad", T0.AddMinutes(5)),
            PhaseState.Aborted => rollout.Abort("bob", "stop", T0.AddMinutes(5)),
            _ => rollout.RequestSignOff("engine", "window over", T0.AddMinutes(5)),
        });
        var recorded = rollout.CanaryWeightPercent;

        var result = Accept(rollout.ReconcileTraffic(new TrafficWeights(50, 50), "carol", "drift", T0.AddHours(1)));

        Assert.Equal(state, rollout.CurrentState);
        Assert.Equal(recorded, Assert.IsType<TrafficChangeRequested>(result.Events[1]).ToPercent);
    }

    [Fact]
    public void ReconcileTraffic_AfterTheLastPhaseCompleted_IsAccepted()
    {
        var rollout = RunningPhase(2);
        Accept(rollout.Advance("bob", "done", T0.AddDays(2)));

        var result = Accept(rollout.ReconcileTraffic(new TrafficWeights(0, 100), "carol", "router restarted", T0.AddDays(3)));

        Assert.Equal(RolloutStatus.Completed, rollout.Status);
        Assert.Equal((0, 100), (Assert.IsType<TrafficChangeRequested>(result.Events[1]).FromPercent, rollout.CanaryWeightPercent));
    }

    [Fact]
    public void ReconcileTraffic_BeforeStart_IsRefusedAndChangesNothing()
    {
        var rollout = New();

        var refused = Assert.IsType<ReconcileRefused>(rollout.ReconcileTraffic(new TrafficWeights(10, 90), "carol", "drift", T0).Rejection);

        Assert.Contains("has not started", refused.Message, StringComparison.Ordinal);
        Assert.Equal((0, 1), (rollout.CanaryWeightPercent, rollout.Version));
    }

    [Fact]
    public void ReconcileTraffic_RouterAlreadyOnTheRecordedWeight_IsRefused()
    {
        var rollout = Started();

        // 2/198 is exactly 1 %: the share decides, not the raw weights.
        var refused = Assert.IsType<ReconcileRefused>(rollout.ReconcileTraffic(new TrafficWeights(2, 198), "carol", "drift?", T0.AddHours(1)).Rejection);

        Assert.StartsWith("nothing to reconcile", refused.Message, StringComparison.Ordinal);
        Assert.Equal(2, rollout.Version);
    }

    [Theory]
    [InlineData("", "why")]
    [InlineData("carol", " ")]
    public void ReconcileTraffic_WithoutActorOrReason_IsInvalid(string actor, string reason)
    {
        var rollout = Started();

        var invalid = Invalid(rollout.ReconcileTraffic(new TrafficWeights(10, 90), actor, reason, T0.AddHours(1)));

        Assert.Equal(actor.Length == 0 ? "actor" : "reason", invalid.Field);
        Assert.Equal(2, rollout.Version);
    }
}
