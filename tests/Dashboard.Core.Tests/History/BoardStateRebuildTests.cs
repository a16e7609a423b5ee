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

    [Fact]
    public void Rebuild_StateSince_IsTheLatestEventThatSetTheState_AndFinishedOnlyWhenItEnded()
    {
        var history = StartedAndRamped().Do(r => r.Hold("bob", "looks odd", T0.AddHours(3)));

        var created = Only(history, T0.AddSeconds(30));
        var advanced = Only(history, T0.AddHours(2.5));
        var held = Only(history, T0.AddHours(4));
        var aborted = Only(history.Do(r => r.Abort("bob", "wrong build", T0.AddHours(5))), T0.AddHours(6));

        Assert.Equal((T0, false), (created.StateSince, created.IsFinished));
        Assert.Equal(T0.AddHours(2), advanced.StateSince);
        Assert.Equal((PhaseState.Held, T0.AddHours(3), false), (held.PhaseState, held.StateSince, held.IsFinished));
        Assert.Equal((PhaseState.Aborted, 0, true), (aborted.PhaseState, aborted.RequestedPercent, aborted.IsFinished));
    }

    [Fact]
    public void Rebuild_FromOnlyItsAuditKinds_IsTheSameAsFromTheWholeLog()
    {
        var incident = Guid.NewGuid();
        var history = StartedAndRamped()
            .Record(T0.AddHours(2.1), "incident.opened", new { incidentId = incident, phaseIndex = 1, severity = "High", title = "slow", owner = "carol", dataLoss = false })
            .Record(T0.AddHours(2.2), "guardrail.streakGrew", new { rule = "r1", count = 1, required = 3 })
            .Do(r => r.RequestSignOff("engine", "window over", T0.AddHours(6)))
            .Record(T0.AddHours(6.1), "signOff.recorded", new { signOffId = Guid.NewGuid(), phaseIndex = 1, phase = "ramp", role = "EngineeringLead", decision = "Go", comment = "fine" }, actor: "erin");

        var whole = Only(history, T0.AddHours(7));
        var filtered = Assert.Single(BoardStateRebuild.Rebuild(history.Records.Where(r => BoardStateRebuild.AuditKinds.Contains(r.Kind)), history.Plans, T0.AddHours(7)));

        Assert.Equal(history.Records.Count - 1, history.Records.Count(r => BoardStateRebuild.AuditKinds.Contains(r.Kind)));
        Assert.Equal(whole with { Gate = filtered.Gate, OpenIncidents = filtered.OpenIncidents }, filtered);
        Assert.Equal(whole.Gate.Missing, filtered.Gate.Missing);
        Assert.Equal(whole.OpenIncidents, filtered.OpenIncidents);
    }
}
