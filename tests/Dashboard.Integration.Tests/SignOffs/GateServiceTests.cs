using System.Text.Json;
using Dashboard.Core.Plans;
using Dashboard.Core.Rollouts;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Features.Demo;
using Dashboard.Web.Features.Rollouts;
using Dashboard.Web.Features.SignOffs;
using Dashboard.Web.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Integration.Tests.SignOffs;

/// <summary>
/// The sign-off gates through <see cref="GateService"/> and the real rollout service on a real SQLite state
/// store: who may sign, what counts, what blocks, and how the gate opens.
/// </summary>
public sealed class GateServiceTests : IAsyncLifetime
{
    private GateHost _host = null!;
    private Guid _id;

    public async Task InitializeAsync()
    {
        _host = await GateHost.CreateAsync();
        _id = await _host.StartedRolloutAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Sign_ForARoleTheLeadDoesNotHold_IsRefusedAndAudited_AndNothingIsRecorded()
    {
        var otherRole = await _host.SignAsync(_id, GateHost.EngineeringLead, SignOffRole.OperationsLead, "GO", "looks fine to me");
        var notALead = await _host.SignAsync(_id, GateHost.Operator, SignOffRole.EngineeringLead, "GO", "ship it");
        var ownRole = await _host.SignAsync(_id, GateHost.EngineeringLead, SignOffRole.EngineeringLead, "GO", "error rate flat");

        Assert.Equal(OutcomeKind.Forbidden, otherRole.Kind);
        Assert.Contains("does not hold the Operations lead role", otherRole.Detail, StringComparison.Ordinal);
        Assert.Equal(OutcomeKind.Forbidden, notALead.Kind);
        Assert.Equal(OutcomeKind.Created, ownRole.Kind);
        var refusals = (await _host.AuditAsync(_id)).Where(e => e.Kind == "access.refused").ToList();
        Assert.Equal(
            [("erin", "SignOff:OperationsLead"), ("olga", "SignOff")],
            refusals.Select(e => (e.Actor, JsonDocument.Parse(e.PayloadJson).RootElement.GetProperty("operation").GetString())));
        var recorded = Assert.Single(ownRole.Value!.SignOffs);
        Assert.Equal(("EngineeringLead", "erin"), (recorded.Role, recorded.By));
    }

    [Fact]
    public async Task Sign_ChangeOfMind_IsANewRecordAndTheLatestPerRoleCounts()
    {
        await _host.SignAsync(_id, GateHost.OperationsLead, SignOffRole.OperationsLead, "NO-GO", "p99 at 180 ms");
        var changed = await _host.SignAsync(_id, GateHost.OperationsLead, SignOffRole.OperationsLead, "go", "p99 back to 90 ms after the cache warmed");

        var gate = changed.Value!;
        var operations = gate.Roles.Single(r => r.Role == "OperationsLead");
        Assert.Equal(("GO", "oscar", "p99 back to 90 ms after the cache warmed"), (operations.Latest!.Decision, operations.Latest.By, operations.Latest.Comment));
        Assert.Null(gate.Roles.Single(r => r.Role == "EngineeringLead").Latest);
        Assert.Empty(gate.Blockers);
        Assert.Equal(["NO-GO", "GO"], gate.SignOffs.Select(s => s.Decision));
        var recorded = (await _host.AuditAsync(_id)).Where(e => e.Kind == "signOff.recorded")
            .Select(e => JsonDocument.Parse(e.PayloadJson).RootElement.GetProperty("decision").GetString());
        Assert.Equal(["NoGo", "Go"], recorded);
    }

    [Fact]
    public async Task NoGo_BlocksAnOtherwiseCompleteGate_AndTheSummarySaysWhoAndWhy()
    {
        await _host.RequestSignOffAsync(_id);
        await _host.TickEveryCanaryItemAsync(_id);
        await _host.SignAsync(_id, GateHost.EngineeringLead, SignOffRole.EngineeringLead, "GO", "error rate flat");

        var blocked = await _host.SignAsync(_id, GateHost.OperationsLead, SignOffRole.OperationsLead, "NO-GO", "p99 too high in eu-west");

        var gate = blocked.Value!;
        Assert.False(gate.IsOpen);
        Assert.Equal(("oscar", "NO-GO"), (Assert.Single(gate.Blockers).By, gate.Blockers[0].Decision));
        Assert.Contains("NO-GO from oscar (operations lead): p99 too high in eu-west", gate.Summary, StringComparison.Ordinal);
        Assert.True(gate.Checklist!.IsComplete);
        Assert.Equal(PhaseState.AwaitingSignOff, (await _host.LoadAsync(_id)).CurrentState);
    }

    [Fact]
    public async Task Sign_BadFields_AreInvalidByField_AndNothingIsRecorded()
    {
        var productLead = Actor.Person("pat", [WarRoomRole.ProductLead]);

        var missing = await _host.Gates.SignAsync(_id, 0, new SignOffRequest(null, "maybe", "  "), GateHost.EngineeringLead);
        var noGoWithoutWhy = await _host.Gates.SignAsync(_id, 0, new SignOffRequest("operationslead", "NO-GO", null), GateHost.OperationsLead);
        var tooLong = await _host.Gates.SignAsync(_id, 0, new SignOffRequest("EngineeringLead", "GO", new string('x', GateService.MaxCommentLength + 1)), GateHost.EngineeringLead);
        var notAsked = await _host.Gates.SignAsync(_id, 0, new SignOffRequest("ProductLead", "GO", "revenue fine"), productLead);
        var unknownRole = await _host.Gates.SignAsync(_id, 0, new SignOffRequest("cto", "GO", "fine"), GateHost.EngineeringLead);

        Assert.All(new[] { missing, noGoWithoutWhy, tooLong, notAsked, unknownRole }, o => Assert.Equal(OutcomeKind.Invalid, o.Kind));
        Assert.Equal(["comment", "decision", "role"], missing.Problems.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("'maybe' is not a decision: GO or NO-GO", missing.Problems["decision"][0], StringComparison.Ordinal);
        Assert.Contains("a NO-GO needs a comment", Assert.Single(noGoWithoutWhy.Problems).Value[0], StringComparison.Ordinal);
        Assert.Contains($"longer than {GateService.MaxCommentLength}", tooLong.Problems["comment"][0], StringComparison.Ordinal);
        Assert.Contains("does not ask the product lead", notAsked.Problems["role"][0], StringComparison.Ordinal);
        Assert.Contains("there is no sign-off role 'cto'", unknownRole.Problems["role"][0], StringComparison.Ordinal);
        Assert.Empty((await _host.Gates.GetAsync(_id, 0)).Value!.SignOffs);
        Assert.DoesNotContain(await _host.AuditAsync(_id), e => e.Kind == "signOff.recorded");
    }

    [Fact]
    public async Task Sign_WhenThePhaseIsHeldOrNotTheCurrentOne_IsAConflict_AndUnknownPhasesAreNotFound()
    {
        var laterPhase = await _host.SignAsync(_id, GateHost.EngineeringLead, SignOffRole.EngineeringLead, "GO", "early", phaseIndex: 2);
        await _host.RunAsync(_id, RolloutAction.Hold, GateHost.Operator, "looking at a spike");
        var held = await _host.SignAsync(_id, GateHost.EngineeringLead, SignOffRole.EngineeringLead, "GO", "fine");
        var noSuchPhase = await _host.SignAsync(_id, GateHost.EngineeringLead, SignOffRole.EngineeringLead, "GO", "fine", phaseIndex: 3);
        var noSuchRollout = await _host.Gates.SignAsync(Guid.NewGuid(), 0, new SignOffRequest("EngineeringLead", "GO", "fine"), GateHost.EngineeringLead);

        Assert.Equal(OutcomeKind.Conflict, laterPhase.Kind);
        Assert.Contains("not the rollout's current phase", laterPhase.Detail, StringComparison.Ordinal);
        Assert.Equal(OutcomeKind.Conflict, held.Kind);
        Assert.Contains("Phase 'canary' is held", held.Detail, StringComparison.Ordinal);
        Assert.Equal(OutcomeKind.NotFound, noSuchPhase.Kind);
        Assert.Equal(OutcomeKind.NotFound, noSuchRollout.Kind);
    }

    [Fact]
    public async Task EveryGoAndTheChecklistComplete_WhileAwaitingSignOff_AdvancesToTheNextPhaseAtItsWeight()
    {
        await _host.RequestSignOffAsync(_id);
        await _host.TickEveryCanaryItemAsync(_id);
        var first = await _host.SignAsync(_id, GateHost.EngineeringLead, SignOffRole.EngineeringLead, "GO", "error rate flat");
        Assert.Equal(PhaseState.AwaitingSignOff, (await _host.LoadAsync(_id)).CurrentState);

        var last = await _host.SignAsync(_id, GateHost.OperationsLead, SignOffRole.OperationsLead, "GO", "p99 fine");

        Assert.Contains("waiting for operations lead", first.Value!.Summary, StringComparison.Ordinal);
        Assert.Equal(OutcomeKind.Created, last.Kind);
        Assert.Equal((true, PhaseState.Completed, false), (last.Value!.IsOpen, last.Value.PhaseState, last.Value.IsCurrentPhase));
        var rollout = await _host.LoadAsync(_id);
        Assert.Equal((1, PhaseState.Running, 10), (rollout.CurrentPhaseIndex, rollout.CurrentState, rollout.CanaryWeightPercent));
        Assert.Equal(10, _host.Get<DemoTrafficSplit>().CanaryWeightPercent);
        var audit = await _host.AuditAsync(_id);
        var passed = audit.Single(e => e.Kind == "phase.passed");
        Assert.Equal("automation (sign-off gate)", passed.Actor);
        var reason = JsonDocument.Parse(passed.PayloadJson).RootElement.GetProperty("reason").GetString();
        Assert.Contains("GO from erin (engineering lead), oscar (operations lead)", reason, StringComparison.Ordinal);
        Assert.Contains("checklist 'Pre-ramp readiness' complete", reason, StringComparison.Ordinal);
        Assert.Equal("automation (sign-off gate)", audit.Single(e => e.Kind == "phase.advanced").Actor);
    }

    [Fact]
    public async Task StoreLostRightAfterTheLastGoIsSaved_AnswersSavedNotNothingChanged()
    {
        await _host.RequestSignOffAsync(_id);
        await _host.TickEveryCanaryItemAsync(_id);
        await _host.SignAsync(_id, GateHost.EngineeringLead, SignOffRole.EngineeringLead, "GO", "error rate flat");
        // Announced right after the save committed: the store is gone for the gate check that follows.
        IDisposable? away = null;
        using var lose = _host.Get<RolloutChangeFeed>().Subscribe(_ => away ??= _host.Store.SqliteStoreAway());

        var last = await _host.SignAsync(_id, GateHost.OperationsLead, SignOffRole.OperationsLead, "GO", "p99 fine");

        // Saved, so never "nothing was changed" (a second GO would follow); the gate opens on the next sweep.
        Assert.True(last.Kind == OutcomeKind.StoreLostAfterSave, $"{last.Kind}: {last.Detail}");
        Assert.Contains("Your sign-off was saved and audited", last.Detail, StringComparison.Ordinal);
        Assert.Contains("Do not repeat", last.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Nothing was changed", last.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryGoWhileTheCanaryStillRuns_DoesNotAdvance_UntilThePhaseAsks()
    {
        await _host.TickEveryCanaryItemAsync(_id);
        await _host.SignAsync(_id, GateHost.EngineeringLead, SignOffRole.EngineeringLead, "GO", "error rate flat");
        var signed = await _host.SignAsync(_id, GateHost.OperationsLead, SignOffRole.OperationsLead, "GO", "p99 fine");

        Assert.True(signed.Value!.IsOpen);
        Assert.Equal((0, PhaseState.Running), ((await _host.LoadAsync(_id)).CurrentPhaseIndex, (await _host.LoadAsync(_id)).CurrentState));
    }

    [Fact]
    public async Task PreSignedGate_OpensAsSoonAsThePhaseRequestsSignOff()
    {
        // As the host starts it (AddSignOffs registers it as a hosted service).
        var watcher = ActivatorUtilities.CreateInstance<GateWatcher>(_host.Services);
        await watcher.StartAsync(CancellationToken.None);
        try
        {
            await _host.TickEveryCanaryItemAsync(_id);
            await _host.SignAsync(_id, GateHost.EngineeringLead, SignOffRole.EngineeringLead, "GO", "error rate flat");
            await _host.SignAsync(_id, GateHost.OperationsLead, SignOffRole.OperationsLead, "GO", "p99 fine");

            await _host.RequestSignOffAsync(_id);

            var deadline = DateTime.UtcNow.AddSeconds(10);
            while ((await _host.LoadAsync(_id)).CurrentPhaseIndex == 0 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }

            var rollout = await _host.LoadAsync(_id);
            Assert.Equal((1, PhaseState.Running), (rollout.CurrentPhaseIndex, rollout.CurrentState));
            Assert.Equal(PhaseState.Completed, rollout.Phases[0].State);
        }
        finally
        {
            await watcher.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task TwoTriggersAtOnce_AdvanceThePhaseOnce()
    {
        await _host.TickEveryCanaryItemAsync(_id);
        await _host.SignAsync(_id, GateHost.EngineeringLead, SignOffRole.EngineeringLead, "GO", "error rate flat");
        await _host.SignAsync(_id, GateHost.OperationsLead, SignOffRole.OperationsLead, "GO", "p99 fine");
        await _host.RequestSignOffAsync(_id);

        var opened = await Task.WhenAll(
            Task.Run(() => _host.Gates.OpenIfReadyAsync(_id)),
            Task.Run(() => _host.Gates.OpenIfReadyAsync(_id)));

        Assert.Single(opened, o => o);
        var rollout = await _host.LoadAsync(_id);
        Assert.Equal((1, PhaseState.Running), (rollout.CurrentPhaseIndex, rollout.CurrentState));
        Assert.Single(await _host.AuditAsync(_id), e => e.Kind == "phase.advanced");
    }

    [Fact]
    public async Task RetryPhase_StartsANewRun_WithoutTheEarlierSignOffsAndTicks()
    {
        await _host.TickAsync(_id, "canary-stable", true);
        await _host.SignAsync(_id, GateHost.EngineeringLead, SignOffRole.EngineeringLead, "GO", "error rate flat");
        await _host.RunAsync(_id, RolloutAction.Hold, GateHost.Operator, "p99 spike");
        var beforeRetry = (await _host.Gates.GetAsync(_id, 0)).Value!;

        await _host.RunAsync(_id, RolloutAction.RetryPhase, GateHost.Operator, "spike explained, run the canary again");

        var gate = (await _host.Gates.GetAsync(_id, 0)).Value!;
        Assert.Single(beforeRetry.SignOffs);
        Assert.All(gate.Roles, r => Assert.Null(r.Latest));
        Assert.Empty(gate.SignOffs);
        Assert.All(gate.Checklist!.Items, i => Assert.False(i.Ticked));
        Assert.Contains("waiting for engineering lead, operations lead", gate.Summary, StringComparison.Ordinal);
        Assert.Equal((await _host.LoadAsync(_id)).Phases[0].StartedAt, gate.RunStartedAt);
    }

    [Fact]
    public async Task Untick_IsAuditedAndReopensTheItem_AndRepeatingItRecordsNothing()
    {
        await _host.TickAsync(_id, "rollback-verified", true);
        var unticked = await _host.TickAsync(_id, "rollback-verified", false, GateHost.OperationsLead);
        var again = await _host.TickAsync(_id, "rollback-verified", false, GateHost.OperationsLead);

        Assert.Equal(OutcomeKind.Succeeded, unticked.Kind);
        var item = unticked.Value!.Checklist!.Items.Single(i => i.Id == "rollback-verified");
        Assert.Equal((false, "oscar"), (item.Ticked, item.By));
        Assert.Equal(OutcomeKind.Succeeded, again.Kind);
        var kinds = (await _host.AuditAsync(_id)).Select(e => e.Kind).Where(k => k.StartsWith("checklist.", StringComparison.Ordinal));
        Assert.Equal(["checklist.itemTicked", "checklist.itemUnticked"], kinds);
    }

    [Fact]
    public async Task Tick_ByAViewer_IsRefusedAndAudited_UnknownItemsAndChecklistsAreNotFound_AndTickedIsRequired()
    {
        var viewer = await _host.TickAsync(_id, "canary-stable", true, GateHost.Viewer);
        var unknownItem = await _host.TickAsync(_id, "coffee-made", true);
        var noChecklist = await _host.TickAsync(_id, "canary-stable", true, phaseIndex: 1);
        var noValue = await _host.Gates.TickAsync(_id, 0, "canary-stable", null, GateHost.Operator);

        Assert.Equal(OutcomeKind.Forbidden, viewer.Kind);
        Assert.Contains(await _host.AuditAsync(_id), e => e.Kind == "access.refused" && e.Actor == "vera");
        Assert.Equal(OutcomeKind.NotFound, unknownItem.Kind);
        Assert.Contains("has no item 'coffee-made'; its items are canary-stable, dashboards-verified", unknownItem.Detail, StringComparison.Ordinal);
        Assert.Equal(OutcomeKind.NotFound, noChecklist.Kind);
        Assert.Contains("Phase 'ramp' has no checklist", noChecklist.Detail, StringComparison.Ordinal);
        Assert.Equal(OutcomeKind.Invalid, noValue.Kind);
        Assert.Equal(["ticked"], noValue.Problems.Keys);
        Assert.DoesNotContain(await _host.AuditAsync(_id), e => e.Kind.StartsWith("checklist.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_AnAutoAdvancePhase_IsOpenWithNoRoles_AndTakesNoSignOffs()
    {
        var ramp = (await _host.Gates.GetAsync(_id, 1)).Value!;
        var signed = await _host.SignAsync(_id, GateHost.EngineeringLead, SignOffRole.EngineeringLead, "GO", "fine", phaseIndex: 1);

        Assert.Equal(("AutoAdvance", true, false, PhaseState.Pending), (ramp.Kind, ramp.IsOpen, ramp.AcceptsSignOffs, ramp.PhaseState));
        Assert.Empty(ramp.Roles);
        Assert.Null(ramp.Checklist);
        Assert.Equal(OutcomeKind.Invalid, signed.Kind);
        Assert.Contains("advances by itself", signed.Problems["role"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenIfReady_AnAutoAdvancePhaseWaitingForAPerson_StaysClosedUntilAPersonAdvances()
    {
        _host.Clock.Advance(TimeSpan.FromMinutes(1));
        await _host.RunAsync(_id, RolloutAction.Advance, GateHost.Operator, "canary signed off");
        await _host.RunAsync(_id, RolloutAction.RequestSignOff, AutomationActors.Checkpoints, "the last checkpoint had WARN");

        var opened = await _host.Gates.OpenIfReadyAsync(_id);
        var ramp = (await _host.Gates.GetAsync(_id, 1)).Value!;

        Assert.False(opened);
        Assert.Equal(PhaseState.AwaitingSignOff, (await _host.LoadAsync(_id)).CurrentState);
        Assert.Equal(("AutoAdvance", false, PhaseState.AwaitingSignOff), (ramp.Kind, ramp.IsOpen, ramp.PhaseState));
        Assert.StartsWith("Waiting for a person:", ramp.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain(await _host.AuditAsync(_id), e => e.Kind is "phase.passed" or "phase.advanced" && e.Actor == AutomationActors.SignOffGate.Name);
    }
}
