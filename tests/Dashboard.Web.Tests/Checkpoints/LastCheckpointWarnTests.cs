using System.Text.Json;
using Dashboard.Core.Checkpoints;
using Dashboard.Core.Evaluation;
using Dashboard.Core.Plans;
using Dashboard.Core.Rollouts;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Infrastructure.Persistence.Audit;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Features.Checkpoints;
using Dashboard.Web.Features.Rollouts;
using Dashboard.Web.Shared;
using Dashboard.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using static Dashboard.Web.Tests.TestSupport.DialogFields;

namespace Dashboard.Web.Tests.Checkpoints;

/// <summary>
/// The ramp's last checkpoint warns (error rate 0.42 %, threshold &lt; 0.5 %, WARN within 0.1): on a real state store,
/// the follow-up of the stored verdict waits for a person and records why, and the rollout page reads that reason
/// back from the stored verdict and offers Advance to an operator — unless the plan says <c>advanceOnWarn</c>.
/// </summary>
public sealed class LastCheckpointWarnTests
{
    private const string Reason =
        "Waiting for a person: the last checkpoint (4h) of phase 'ramp' had WARN on error rate 0.42 % (threshold < 0.5 %). "
        + "Its gate advances by itself only when every criterion passes.";

    [Fact]
    public async Task RampLastCheckpointWarn_WaitsForAPerson_RecordsWhy_AndThePageOffersAdvance()
    {
        await using var host = await AppTestHost.CreateAsync(TestUser.Operator, RolloutPageTesting.AddRolloutPageServices);
        var id = await RampRunningAsync(host, BuiltInPlans.ThreePhase.Id);

        await LastCheckpointWarnsAsync(host, id);

        Assert.Equal(PhaseState.AwaitingSignOff, (await Store(host).LoadAsync(id))!.CurrentState);
        var events = await Audit(host).ReadAsync(id);
        var waited = events.Last(e => e.Kind == "phase.signOffRequested");
        Assert.Equal(AutomationActors.Checkpoints.Name, waited.Actor);
        Assert.Equal(Reason, Payload(waited).GetProperty("reason").GetString());
        Assert.DoesNotContain(events, e => e.Kind == "phase.advanced" && Payload(e).GetProperty("phaseIndex").GetInt32() == 1);

        var (page, dialogs) = host.RenderRolloutPage(id);

        Assert.Equal(Reason, page.Find("[data-testid=waiting-for-person]").TextContent.Trim());
        Assert.False(page.Find("button[data-testid=action-advance]").HasAttribute("disabled"));
        page.Find("button[data-testid=action-advance]").Click();
        dialogs.WaitForElement("button[data-testid=confirm-action]");
        Field(dialogs, "reason-input").Input("error rate steady at 0.42 % for 4 h; accepted");
        dialogs.Find("button[data-testid=confirm-action]").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=waiting-for-person]")));
        var rollout = (await Store(host).LoadAsync(id))!;
        Assert.Equal(("rollout", PhaseState.Running), (rollout.CurrentPhase.Name, rollout.CurrentState));
        Assert.Equal("alice", (await Audit(host).ReadAsync(id)).Single(e => e.Kind == "phase.advanced" && Payload(e).GetProperty("phaseIndex").GetInt32() == 1).Actor);
    }

    [Fact]
    public async Task RampLastCheckpointWarn_ViewerReadsWhyButIsNotOfferedAdvance()
    {
        await using var host = await AppTestHost.CreateAsync(TestUser.Viewer, RolloutPageTesting.AddRolloutPageServices);
        var id = await RampRunningAsync(host, BuiltInPlans.ThreePhase.Id);
        await LastCheckpointWarnsAsync(host, id);

        var (page, _) = host.RenderRolloutPage(id);

        Assert.Equal(Reason, page.Find("[data-testid=waiting-for-person]").TextContent.Trim());
        Assert.Empty(page.FindAll("button[data-testid=action-advance]"));
    }

    [Fact]
    public async Task RampLastCheckpointWarn_WithAdvanceOnWarn_AdvancesByItself()
    {
        await using var host = await AppTestHost.CreateAsync(TestUser.Operator, RolloutPageTesting.AddRolloutPageServices);
        var plan = BuiltInPlans.ThreePhase;
        var ramp = plan.Phases[1] with { Gate = plan.Phases[1].Gate with { AdvanceOnWarn = true } };
        var posted = await host.Context.Services.GetRequiredService<PlanCatalog>().CreateAsync(
            PlanJson.Serialize(plan with { Id = "three-phase-warn-ok", Phases = [plan.Phases[0], ramp, plan.Phases[2]] }), AutomationActors.Checkpoints);
        Assert.Equal(OutcomeKind.Created, posted.Kind);
        var id = await RampRunningAsync(host, "three-phase-warn-ok");

        await LastCheckpointWarnsAsync(host, id);

        var rollout = (await Store(host).LoadAsync(id))!;
        Assert.Equal(("rollout", PhaseState.Running), (rollout.CurrentPhase.Name, rollout.CurrentState));
        var advanced = (await Audit(host).ReadAsync(id)).Single(e => e.Kind == "phase.advanced" && Payload(e).GetProperty("phaseIndex").GetInt32() == 1);
        Assert.Equal(AutomationActors.Checkpoints.Name, advanced.Actor);
        Assert.Contains("advanceOnWarn", Payload(advanced).GetProperty("reason").GetString(), StringComparison.Ordinal);
        var (page, _) = host.RenderRolloutPage(id);
        Assert.Empty(page.FindAll("[data-testid=waiting-for-person]"));
    }

    private static RolloutStore Store(AppTestHost host) => host.Context.Services.GetRequiredService<RolloutStore>();

    private static AuditLog Audit(AppTestHost host) => host.Context.Services.GetRequiredService<AuditLog>();

    private static JsonElement Payload(AuditEventRecord record) => JsonDocument.Parse(record.PayloadJson).RootElement;

    /// <summary>Created and started, the canary's gate passed by automation: the ramp runs at 10 %.</summary>
    private static async Task<Guid> RampRunningAsync(AppTestHost host, string planId)
    {
        var rollouts = host.Context.Services.GetRequiredService<RolloutService>();
        var created = await rollouts.CreateAsync(new CreateRolloutRequest("learning-api", "v2.9.4", "v3.0.0", planId, "sprint 2"), AutomationActors.Checkpoints);
        Assert.Equal(OutcomeKind.Created, created.Kind);
        foreach (var action in new[] { RolloutAction.Start, RolloutAction.Advance })
        {
            host.Clock.Advance(TimeSpan.FromMinutes(1));
            var outcome = await rollouts.ExecuteAsync(created.Value!.Rollout.Id, new RolloutCommand(action, AutomationActors.Checkpoints, "test", TrafficChangeSource.Automation));
            Assert.Equal(OutcomeKind.Succeeded, outcome.Kind);
        }

        return created.Value!.Rollout.Id;
    }

    /// <summary>Stores the ramp's 4 h verdict (error rate WARN, P99 PASS) as the runner does, then acts on it as the runner does.</summary>
    private static async Task LastCheckpointWarnsAsync(AppTestHost host, Guid id)
    {
        var rollout = (await Store(host).LoadAsync(id))!;
        var phase = rollout.CurrentPhase;
        var startedAt = rollout.CurrentProgress.StartedAt!.Value;
        var last = phase.Checkpoints[^1];
        var window = CheckpointWindow.For(phase, startedAt, last);
        CriterionEvaluation[] criteria =
        [
            Judge(new Criterion(MetricKeys.ErrorRatePct, Comparator.LessThan, 0.5, 0.1), "%", 0.42),
            Judge(new Criterion(MetricKeys.P99Ms, Comparator.LessThan, 200, 20), "ms", 120),
        ];
        var overall = CheckpointVerdicts.Overall(criteria);
        Assert.Equal(Verdict.Warn, overall);
        var evaluation = new CheckpointEvaluation(
            id.ToString(), rollout.CurrentPhaseIndex, phase.Name, last, window, window.DueAt, criteria, overall,
            CheckpointDecision.MonitorClosely, "a criterion is inside its WARN margin", []);
        host.Clock.Advance(last);
        Assert.True(await host.Context.Services.GetRequiredService<CheckpointVerdictStore>().TryAddAsync(id, startedAt, evaluation, AutomationActors.Checkpoints.Name));

        var followUp = new VerdictFollowUp(host.Context.Services.GetRequiredService<RolloutService>(), NullLogger<VerdictFollowUp>.Instance);
        await followUp.ActAsync(id, phase, last, evaluation, CancellationToken.None);
    }

    private static CriterionEvaluation Judge(Criterion criterion, string unit, double value) =>
        CriterionEvaluation.Judge(criterion, unit, value, value, null, "SELECT …", TimeSpan.FromMinutes(1), []);
}
