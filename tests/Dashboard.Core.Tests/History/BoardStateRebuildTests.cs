using Dashboard.Core.History;
using Dashboard.Core.Incidents;
using Dashboard.Core.Plans;
using Dashboard.Core.Rollouts;
using static Dashboard.Core.Tests.History.AuditHistory;

namespace Dashboard.Core.Tests.History;

public sealed class BoardStateRebuildTests
{
    private static RolloutStateAt Only(AuditHistory history, DateTimeOffset at) =>
        Assert.Single(BoardStateRebuild.Rebuild(history.Records, history.Plans, at));

    private static AuditHistory StartedAndRamped() => new AuditHistory()
        .Do(r => r.Start("alice", "go", T0.AddMinutes(1)))
        .Applied(T0.AddMinutes(1).AddSeconds(1), 0, 1)
        .Do(r => r.Advance("bob", "canary GO", T0.AddHours(2)))
        .Applied(T0.AddHours(2).AddSeconds(1), 1, 10);

    [Fact]
    public void Rebuild_BeforeATrafficChange_ShowsTheOldPhaseAndWeight()
    {
        var history = StartedAndRamped();

        var before = Only(history, T0.AddHours(1));
        var after = Only(history, T0.AddHours(3));

        Assert.Equal(("canary", PhaseState.Running, 1, 1), (before.Phase.Name, before.PhaseState, before.RequestedPercent, before.AppliedPercent));
        Assert.Equal(("ramp", PhaseState.Running, 10, 10), (after.Phase.Name, after.PhaseState, after.RequestedPercent, after.AppliedPercent));
        Assert.Equal(T0.AddHours(2), after.PhaseRunStartedAt);
    }

    [Fact]
    public void Rebuild_ChangeRequestedButNotYetConfirmed_ShowsTheRouterAtTheOldWeight()
    {
        var history = StartedAndRamped();

        var between = Only(history, T0.AddHours(2).AddMilliseconds(500));

        Assert.Equal((10, 1), (between.RequestedPercent, between.AppliedPercent));
    }

    [Fact]
    public void Rebuild_BeforeTheStart_IsNotRunningAndNothingIsFollowed()
    {
        var history = StartedAndRamped();

        var states = BoardStateRebuild.Rebuild(history.Records, history.Plans, T0.AddSeconds(30));

        var state = Assert.Single(states);
        Assert.Equal((PhaseState.Pending, false, 0), (state.PhaseState, state.IsRunning, state.RequestedPercent));
        Assert.Null(BoardStateRebuild.Followed(states, null));
        Assert.Empty(BoardStateRebuild.Rebuild(history.Records, history.Plans, T0.AddSeconds(-1)));
    }

    [Fact]
    public void Rebuild_HeldThenRolledBack_FollowsTheStateAndTheWeightToZero()
    {
        var history = new AuditHistory()
            .Do(r => r.Start("alice", "go", T0.AddMinutes(1)))
            .Do(r => r.Hold("bob", "looks odd", T0.AddHours(1)))
            .Do(r => r.RollBack("bob", "errors", T0.AddHours(2)));

        var held = Only(history, T0.AddHours(1.5));
        var rolledBack = Only(history, T0.AddHours(3));

        Assert.Equal((PhaseState.Held, true, 1), (held.PhaseState, held.IsRunning, held.RequestedPercent));
        Assert.Equal((PhaseState.RolledBack, false, 0), (rolledBack.PhaseState, rolledBack.IsRunning, rolledBack.RequestedPercent));
    }

    [Fact]
    public void Rebuild_IncidentOpenedRaisedAndResolved_IsOpenWithItsSeverityThenOnlyBetween()
    {
        var incident = Guid.NewGuid();
        var history = new AuditHistory()
            .Do(r => r.Start("alice", "go", T0.AddMinutes(1)))
            .Record(T0.AddMinutes(10), "incident.opened", new { incidentId = incident, phaseIndex = 0, severity = "Low", title = "slow search", owner = "carol", dataLoss = false, text = "seen" })
            .Record(T0.AddMinutes(20), "incident.updated", new { incidentId = incident, phaseIndex = 0, severity = "Critical", title = "slow search", owner = "carol", dataLoss = false, text = "worse" })
            .Record(T0.AddMinutes(30), "incident.resolved", new { incidentId = incident, phaseIndex = 0, severity = "Critical", title = "slow search", owner = "carol", dataLoss = false, text = "fixed" });

        var low = Assert.Single(Only(history, T0.AddMinutes(15)).OpenIncidents);
        var critical = Assert.Single(Only(history, T0.AddMinutes(25)).OpenIncidents);

        Assert.Equal((incident, IncidentSeverity.Low, "slow search"), (low.Id, low.Severity, low.Title));
        Assert.Equal((IncidentSeverity.Critical, T0.AddMinutes(10)), (critical.Severity, critical.OpenedAt));
        Assert.Empty(Only(history, T0.AddMinutes(5)).OpenIncidents);
        Assert.Empty(Only(history, T0.AddMinutes(35)).OpenIncidents);
    }

    [Fact]
    public void Rebuild_SignOffGate_CountsTheWordsGivenByThen()
    {
        var history = new AuditHistory()
            .Do(r => r.Start("alice", "go", T0.AddMinutes(1)))
            .Do(r => r.RequestSignOff("engine", "window over", T0.AddHours(6)))
            .Record(T0.AddHours(6.1), "signOff.recorded", new { signOffId = Guid.NewGuid(), phaseIndex = 0, phase = "canary", role = "EngineeringLead", decision = "Go", comment = "fine" }, actor: "erin")
            .Record(T0.AddHours(6.2), "signOff.recorded", new { signOffId = Guid.NewGuid(), phaseIndex = 0, phase = "canary", role = "OperationsLead", decision = "NoGo", comment = "pager noisy" }, actor: "oscar");

        var waiting = Only(history, T0.AddHours(6.15));
        var blocked = Only(history, T0.AddHours(6.3));

        Assert.Equal(PhaseState.AwaitingSignOff, waiting.PhaseState);
        Assert.False(waiting.Gate.IsOpen);
        Assert.Equal([SignOffRole.OperationsLead], waiting.Gate.Missing);
        Assert.Equal("oscar", Assert.Single(blocked.Gate.Blockers).By);
    }

    [Fact]
    public void Followed_SeveralRunning_PrefersTheRequestedOneElseTheLatestStarted()
    {
        var first = new AuditHistory().Do(r => r.Start("alice", "go", T0.AddMinutes(1)));
        var second = new AuditHistory(candidate: "2.0.0").Do(r => r.Start("alice", "go", T0.AddMinutes(2)));
        var plans = first.Plans.Concat(second.Plans).ToDictionary();
        var states = BoardStateRebuild.Rebuild(first.Records.Concat(second.Records), plans, T0.AddHours(1));

        Assert.Equal(second.Rollout.Id, BoardStateRebuild.Followed(states, null)?.RolloutId);
        Assert.Equal(first.Rollout.Id, BoardStateRebuild.Followed(states, first.Rollout.Id)?.RolloutId);
        Assert.Equal("analyzer 2.0.0 — canary 1 %", BoardStateRebuild.Followed(states, null)?.Description);
    }
}
