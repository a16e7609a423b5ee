using Dashboard.Core.Plans;
using Dashboard.Core.Rollouts;
using Dashboard.Core.Rollouts.Events;

namespace Dashboard.Core.Tests.Rollouts;

public sealed class RolloutCreateTests
{
    private static RolloutCreation Create(
        string service = "svc", string baseline = "v1", string candidate = "v2", string actor = "alice", string reason = "release", RolloutPlan? plan = null, Guid? id = null) =>
        Rollout.Create(id ?? TestRollouts.Id, service, baseline, candidate, plan ?? BuiltInPlans.ThreePhase, actor, reason, TestRollouts.T0);

    [Fact]
    public void Create_ValidInput_IsNotStartedWithEveryPhasePending()
    {
        var rollout = TestRollouts.New();

        Assert.Equal(RolloutStatus.NotStarted, rollout.Status);
        Assert.Equal(0, rollout.CurrentPhaseIndex);
        Assert.Equal(0, rollout.CanaryWeightPercent);
        Assert.Equal(1, rollout.Version);
        Assert.Null(rollout.StartedBy);
        Assert.Equal(["canary", "ramp", "rollout"], rollout.Phases.Select(phase => phase.Name));
        Assert.All(rollout.Phases, phase => Assert.Equal(PhaseState.Pending, phase.State));
        Assert.Equal([RolloutAction.Start, RolloutAction.Abort], rollout.AllowedActions);
    }

    [Fact]
    public void Create_EmitsRolloutCreatedWithVersionsAndPlan()
    {
        var creation = Create(service: " ultra-fast-analyzer ", candidate: "v3.0.0-sprint-2-complete", reason: " sprint 2 ");

        var created = Assert.IsType<RolloutCreated>(Assert.Single(creation.Events));
        Assert.Equal(
            new RolloutCreated(TestRollouts.Id, 0, TestRollouts.T0, "alice", "sprint 2", "ultra-fast-analyzer", "v1", "v3.0.0-sprint-2-complete", "three-phase", "Three-phase canary"),
            created);
        Assert.Equal("rollout.created", created.Kind);
    }

    [Theory]
    [InlineData("", "v1", "v2", "alice", "release", "service")]
    [InlineData("svc", " ", "v2", "alice", "release", "baselineVersion")]
    [InlineData("svc", "v1", "", "alice", "release", "candidateVersion")]
    [InlineData("svc", "v1", "v2", "", "release", "actor")]
    [InlineData("svc", "v1", "v2", "alice", "  ", "reason")]
    public void Create_BlankField_IsRejectedNamingIt(string service, string baseline, string candidate, string actor, string reason, string field)
    {
        var creation = Create(service, baseline, candidate, actor, reason);

        Assert.False(creation.Succeeded);
        Assert.Null(creation.Rollout);
        Assert.Empty(creation.Events);
        Assert.Equal(field, Assert.IsType<InvalidRolloutRequest>(creation.Rejection).Field);
    }

    [Fact]
    public void Create_CandidateSameAsBaseline_IsRejected()
    {
        var creation = Create(baseline: "v2", candidate: " v2");

        Assert.Equal("candidateVersion: the candidate version must differ from the baseline version", creation.Rejection!.Message);
    }

    [Fact]
    public void Create_EmptyId_IsRejected()
    {
        Assert.Equal("id", Assert.IsType<InvalidRolloutRequest>(Create(id: Guid.Empty).Rejection).Field);
    }

    [Fact]
    public void Create_InvalidPlan_IsRejectedWithThePlansProblems()
    {
        var plan = BuiltInPlans.ThreePhase with { Phases = [BuiltInPlans.ThreePhase.Phases[0] with { TrafficPercent = 120 }] };

        var rejection = Assert.IsType<InvalidRolloutRequest>(Create(plan: plan).Rejection);

        Assert.Equal("plan", rejection.Field);
        Assert.Contains("phases[0].trafficPercent: traffic 120 is outside 0..100", rejection.Problem, StringComparison.Ordinal);
    }
}
