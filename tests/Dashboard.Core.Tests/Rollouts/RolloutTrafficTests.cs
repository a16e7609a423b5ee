using Dashboard.Core.Rollouts;
using Dashboard.Core.Rollouts.Events;
using static Dashboard.Core.Tests.Rollouts.TestRollouts;

namespace Dashboard.Core.Tests.Rollouts;

public sealed class RolloutTrafficTests
{
    [Fact]
    public void ChangeTraffic_InARunningPhase_AsksForTheWeight()
    {
        var rollout = Started();
        var at = T0.AddMinutes(40);

        var result = Accept(rollout.ChangeTraffic(5, "bob", "more signal", at));

        Assert.Equal([new TrafficChangeRequested(Id, 0, at, "bob", "more signal", 1, 5)], result.Events);
        Assert.Equal((5, PhaseState.Running, 3), (rollout.CanaryWeightPercent, rollout.CurrentState, rollout.Version));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    public void ChangeTraffic_AtTheBounds_IsAccepted(int percent)
    {
        var rollout = Started();

        Accept(rollout.ChangeTraffic(percent, "bob", "bounds", T0.AddHours(1)));

        Assert.Equal(percent, rollout.CanaryWeightPercent);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    [InlineData(120)]
    public void ChangeTraffic_Outside0To100_IsRejectedAndChangesNothing(int percent)
    {
        var rollout = Started();

        var invalid = Invalid(rollout.ChangeTraffic(percent, "bob", "typo", T0.AddHours(1)));

        Assert.Equal(("percent", $"traffic {percent} is outside 0..100"), (invalid.Field, invalid.Problem));
        Assert.Equal((1, 2), (rollout.CanaryWeightPercent, rollout.Version));
    }

    [Fact]
    public void ChangeTraffic_SameWeight_ReappliesIt()
    {
        var rollout = Started();

        var change = Assert.IsType<TrafficChangeRequested>(Assert.Single(Accept(rollout.ChangeTraffic(1, "bob", "router restarted", T0.AddHours(1))).Events));

        Assert.Equal((1, 1), (change.FromPercent, change.ToPercent));
    }

    [Fact]
    public void ChangeTraffic_BeforeStart_IsIllegal()
    {
        var error = Illegal(New().ChangeTraffic(10, "bob", "early", T0));

        Assert.Equal((PhaseState.Pending, RolloutAction.ChangeTraffic), (error.Current, error.Attempted));
    }

    [Fact]
    public void ChangeTraffic_WhenHeld_IsIllegal()
    {
        var rollout = Started();
        Accept(rollout.Hold("dave", "look", T0.AddHours(1)));

        var error = Illegal(rollout.ChangeTraffic(0, "dave", "drain", T0.AddHours(1)));

        Assert.Equal(PhaseState.Held, error.Current);
        Assert.Equal([RolloutAction.Resume, RolloutAction.RollBack, RolloutAction.Abort, RolloutAction.RetryPhase], error.Allowed);
    }

    [Fact]
    public void ChangeTraffic_IllegalStateAndBadPercent_ReportsTheState()
    {
        Assert.IsType<IllegalTransition>(New().ChangeTraffic(500, "bob", "x", T0).Rejection);
    }

    [Theory]
    [InlineData("", "reason")]
    [InlineData("   ", "reason")]
    public void ChangeTraffic_WithoutReason_IsRejected(string reason, string field)
    {
        var rollout = Started();

        Assert.Equal("reason: a reason is required", Invalid(rollout.ChangeTraffic(5, "bob", reason, T0.AddHours(1))).Message);
        Assert.Equal(field, Invalid(rollout.ChangeTraffic(5, "bob", reason, T0.AddHours(1))).Field);
        Assert.Equal(1, rollout.CanaryWeightPercent);
    }

    [Fact]
    public void ChangeTraffic_WithoutActor_IsRejected()
    {
        Assert.Equal("actor", Invalid(Started().ChangeTraffic(5, " ", "why", T0.AddHours(1))).Field);
    }

    [Fact]
    public void Advance_AfterManualChange_MovesFromTheChangedWeight()
    {
        var rollout = Started();
        Accept(rollout.ChangeTraffic(3, "bob", "more signal", T0.AddHours(1)));

        var change = Assert.IsType<TrafficChangeRequested>(Accept(rollout.Advance("bob", "GO", T0.AddHours(2))).Events[1]);

        Assert.Equal((3, 10), (change.FromPercent, change.ToPercent));
    }

    [Theory]
    [InlineData(RolloutAction.Start)]
    [InlineData(RolloutAction.Advance)]
    [InlineData(RolloutAction.Hold)]
    [InlineData(RolloutAction.RollBack)]
    [InlineData(RolloutAction.Abort)]
    public void EveryAction_WithoutReason_IsRejectedAndChangesNothing(RolloutAction action)
    {
        var rollout = action == RolloutAction.Start ? New() : Started();
        var before = rollout.ToSnapshot();

        var result = action switch
        {
            RolloutAction.Start => rollout.Start("bob", "", T0),
            RolloutAction.Advance => rollout.Advance("bob", "", T0),
            RolloutAction.Hold => rollout.Hold("bob", " ", T0),
            RolloutAction.RollBack => rollout.RollBack("bob", "\t", T0),
            _ => rollout.Abort("bob", "", T0),
        };

        Assert.Equal("reason", Invalid(result).Field);
        Assert.Empty(result.Events);
        Assert.Equal(before with { Phases = Array.Empty<PhaseProgress>() }, rollout.ToSnapshot() with { Phases = Array.Empty<PhaseProgress>() });
        Assert.Equal(before.Phases, rollout.ToSnapshot().Phases);
    }
}
