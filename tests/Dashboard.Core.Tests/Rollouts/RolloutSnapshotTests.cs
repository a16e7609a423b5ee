using Dashboard.Core.Plans;
using Dashboard.Core.Rollouts;
using static Dashboard.Core.Tests.Rollouts.TestRollouts;

namespace Dashboard.Core.Tests.Rollouts;

public sealed class RolloutSnapshotTests
{
    private static void AssertSameSnapshot(RolloutSnapshot expected, RolloutSnapshot actual)
    {
        Assert.Equal(expected with { Phases = Array.Empty<PhaseProgress>() }, actual with { Phases = Array.Empty<PhaseProgress>() });
        Assert.Equal(expected.Phases, actual.Phases);
    }

    [Fact]
    public void ToSnapshot_HoldsPrimitivesAndThePlanAsJson()
    {
        var rollout = RunningPhase(1);

        var snapshot = rollout.ToSnapshot();

        Assert.Equal((Id, "ultra-fast-analyzer", "v2.9.4", "v3.0.0-sprint-2-complete"), (snapshot.Id, snapshot.Service, snapshot.BaselineVersion, snapshot.CandidateVersion));
        Assert.Equal(("three-phase", PlanJson.Serialize(BuiltInPlans.ThreePhase)), (snapshot.PlanId, snapshot.PlanJson));
        Assert.Equal((1, 10, RolloutStatus.InProgress, 3), (snapshot.CurrentPhaseIndex, snapshot.CanaryWeightPercent, snapshot.Status, snapshot.Version));
        Assert.Equal(("alice", T0, "alice"), (snapshot.CreatedBy, snapshot.CreatedAt, snapshot.StartedBy));
        Assert.Equal([PhaseState.Completed, PhaseState.Running, PhaseState.Pending], snapshot.Phases.Select(phase => phase.State));
    }

    [Fact]
    public void FromSnapshot_OfToSnapshot_RestoresTheSameRollout()
    {
        var rollout = RunningPhase(1);
        Accept(rollout.Hold("dave", "look", T0.AddHours(3)));

        var restored = Rollout.FromSnapshot(rollout.ToSnapshot());

        AssertSameSnapshot(rollout.ToSnapshot(), restored.ToSnapshot());
        Assert.Equal(rollout.AllowedActions, restored.AllowedActions);
    }

    [Fact]
    public void FromSnapshot_RestoredRollout_ContinuesLikeTheOriginal()
    {
        var original = RunningPhase(1);
        var restored = Rollout.FromSnapshot(original.ToSnapshot());

        var fromOriginal = Accept(original.Advance("bob", "GO", T0.AddHours(8)));
        var fromRestored = Accept(restored.Advance("bob", "GO", T0.AddHours(8)));

        Assert.Equal(fromOriginal.Events, fromRestored.Events);
        AssertSameSnapshot(original.ToSnapshot(), restored.ToSnapshot());
    }

    [Fact]
    public void FromSnapshot_CustomPlan_KeepsThePlanOfCreation()
    {
        var plan = BuiltInPlans.ThreePhase with { Id = "two-phase", Phases = [.. BuiltInPlans.ThreePhase.Phases.Take(2)] };
        var rollout = Started(plan);

        var restored = Rollout.FromSnapshot(rollout.ToSnapshot());

        Assert.Equal(["canary", "ramp"], restored.Plan.Phases.Select(phase => phase.Name));
    }

    [Fact]
    public void FromSnapshot_PhaseCountDiffersFromPlan_Throws()
    {
        var snapshot = Started().ToSnapshot();

        var error = Assert.Throws<InvalidOperationException>(() => Rollout.FromSnapshot(snapshot with { Phases = [.. snapshot.Phases.Take(2)] }));

        Assert.Equal($"Stored rollout {Id} is inconsistent: it has 2 phases but its plan has 3.", error.Message);
    }

    [Fact]
    public void FromSnapshot_StatusDisagreesWithPhases_Throws()
    {
        var snapshot = Started().ToSnapshot() with { Status = RolloutStatus.Completed };

        Assert.Contains("status Completed does not match its phases (InProgress)", Assert.Throws<InvalidOperationException>(() => Rollout.FromSnapshot(snapshot)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromSnapshot_InvalidPlanJson_Throws()
    {
        var snapshot = Started().ToSnapshot() with { PlanJson = "{ \"id\": 1 }" };

        Assert.Contains("its plan is invalid: id: expected a string", Assert.Throws<InvalidOperationException>(() => Rollout.FromSnapshot(snapshot)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(3, 0)]
    [InlineData(0, 101)]
    public void FromSnapshot_IndexOrWeightOutOfRange_Throws(int phaseIndex, int weight)
    {
        var snapshot = New().ToSnapshot() with { CurrentPhaseIndex = phaseIndex, CanaryWeightPercent = weight };

        Assert.Throws<InvalidOperationException>(() => Rollout.FromSnapshot(snapshot));
    }

    [Fact]
    public void FromSnapshot_PhaseRenamed_Throws()
    {
        var snapshot = New().ToSnapshot();
        PhaseProgress[] renamed = [snapshot.Phases[0] with { Name = "pilot" }, .. snapshot.Phases.Skip(1)];

        Assert.Throws<InvalidOperationException>(() => Rollout.FromSnapshot(snapshot with { Phases = renamed }));
    }
}
