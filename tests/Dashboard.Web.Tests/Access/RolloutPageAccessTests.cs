using System.Text.Json;
using Dashboard.Core.Rollouts;
using Dashboard.Core.Routing;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Infrastructure.Persistence.Audit;
using Dashboard.Web.Components.Pages;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Features.Rollouts;
using Dashboard.Web.Shared;
using Dashboard.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using static Dashboard.Web.Tests.TestSupport.DialogFields;

namespace Dashboard.Web.Tests.Access;

/// <summary>
/// The whole rollout page on a real state store, signed in as people with different roles: the buttons follow
/// <see cref="AccessRules"/>, and the service refuses what the page leaves out even when it is called anyway.
/// </summary>
public sealed class RolloutPageAccessTests
{
    private static readonly string[] EveryAction = ["start", "advance", "hold", "resume", "retry-phase", "change-traffic", "roll-back", "abort"];

    private static RolloutService Rollouts(AppTestHost host) => host.Context.Services.GetRequiredService<RolloutService>();

    private static AuditLog Audit(AppTestHost host) => host.Context.Services.GetRequiredService<AuditLog>();

    private static string[] ActionButtons(IRenderedComponent<RolloutPage> page) =>
        [.. EveryAction.Where(key => page.FindAll($"button[data-testid=action-{key}]").Count > 0)];

    [Fact]
    public async Task Viewer_SeesNoActionButtonsAndALineSayingTheyCanOnlyWatch()
    {
        await using var host = await AppTestHost.CreateAsync(TestUser.Viewer, RolloutPageTesting.AddRolloutPageServices);
        var rollout = await host.StartRolloutAsync();

        var (page, _) = host.RenderRolloutPage(rollout.Id);

        Assert.Empty(ActionButtons(page));
        Assert.Contains(
            "You are signed in as viewer: you can watch but not change this rollout.",
            page.FindAll("[data-testid=access-note]").Select(n => n.TextContent.Trim()));
        Assert.Equal("Phase 'canary' is running.", page.Find("[data-testid=action-explanation]").TextContent.Trim());
        Assert.Empty(page.FindAll("[data-testid=open-incident]"));
    }

    [Fact]
    public async Task Viewer_ForgedChangeTrafficFromTheirCircuit_IsRefusedAuditedAndMovesNothing()
    {
        await using var host = await AppTestHost.CreateAsync(TestUser.Viewer, RolloutPageTesting.AddRolloutPageServices);
        var rollout = await host.StartRolloutAsync();
        host.Router.Weights = TrafficWeights.ForCanaryPercent(1);
        var (page, _) = host.RenderRolloutPage(rollout.Id);

        // What the page would send if the button were there: the same service, the circuit's own actor.
        var actor = await host.Context.Services.GetRequiredService<CurrentActor>().GetAsync();
        var outcome = await Rollouts(host).ExecuteAsync(
            rollout.Id, new RolloutCommand(RolloutAction.ChangeTraffic, actor, "forged", TrafficChangeSource.Ui, 50));

        Assert.Equal(OutcomeKind.Forbidden, outcome.Kind);
        Assert.Equal("victor may not change traffic: it needs the Operator role.", outcome.Detail);
        Assert.Empty(host.Router.Applied);
        Assert.Equal(TrafficWeights.ForCanaryPercent(1), host.Router.Weights);
        Assert.Equal(1, (await Rollouts(host).FindAsync(rollout.Id))!.RequestedWeightPercent);
        var refused = Assert.Single(await Audit(host).ReadAsync(rollout.Id), e => e.Kind == "access.refused");
        Assert.Equal("victor", refused.Actor);
        Assert.Equal(nameof(Operation.ChangeTraffic), JsonDocument.Parse(refused.PayloadJson).RootElement.GetProperty("operation").GetString());
        Assert.DoesNotContain(await Audit(host).ReadAsync(rollout.Id), e => e.Kind == "traffic.changeRequested" && e.Actor == "victor");
        Assert.Empty(ActionButtons(page));
    }

    [Fact]
    public async Task Operator_SeesEveryActionAndChangesTrafficThroughTheDialogInTheirOwnName()
    {
        await using var host = await AppTestHost.CreateAsync(TestUser.Operator, RolloutPageTesting.AddRolloutPageServices);
        var rollout = await host.StartRolloutAsync();
        var (page, dialogs) = host.RenderRolloutPage(rollout.Id);
        Assert.Equal(EveryAction, ActionButtons(page));
        Assert.Empty(page.FindAll("[data-testid=access-note]"));

        page.Find("button[data-testid=action-change-traffic]").Click();
        dialogs.WaitForElement("button[data-testid=confirm-action]");
        Assert.Equal("alice", dialogs.Find("[data-testid=acting-as]").GetAttribute("data-actor"));
        Field(dialogs, "percent-input").Input("10");
        Field(dialogs, "reason-input").Input("canary healthy");
        dialogs.Find("button[data-testid=confirm-action]").Click();

        dialogs.WaitForAssertion(() => Assert.Equal([10], host.Router.Applied));
        Assert.Equal(10, (await Rollouts(host).FindAsync(rollout.Id))!.RequestedWeightPercent);
        var requested = (await Audit(host).ReadAsync(rollout.Id)).Last(e => e.Kind == "traffic.changeRequested");
        Assert.Equal("alice", requested.Actor);
    }

    [Fact]
    public async Task EngineeringLead_SeesHoldAndRollBackButNotChangeTraffic_AndHoldsInTheirOwnName()
    {
        await using var host = await AppTestHost.CreateAsync(TestUser.EngineeringLead, RolloutPageTesting.AddRolloutPageServices);
        var rollout = await host.StartRolloutAsync();
        var (page, dialogs) = host.RenderRolloutPage(rollout.Id);

        Assert.Equal(["hold", "roll-back"], ActionButtons(page));
        Assert.Contains(
            "You are signed in as engineering lead: Start, Advance, Resume, Retry phase, Change traffic and Abort need the operator role.",
            page.FindAll("[data-testid=access-note]").Select(n => n.TextContent.Trim()));

        page.Find("button[data-testid=action-hold]").Click();
        dialogs.WaitForElement("button[data-testid=confirm-action]");
        Field(dialogs, "reason-input").Input("error spike in EU");
        dialogs.Find("button[data-testid=confirm-action]").Click();

        page.WaitForAssertion(() => Assert.Equal(
            "Phase 'canary' is held. Possible now: Roll back.", page.Find("[data-testid=action-explanation]").TextContent.Trim()));
        Assert.Equal(PhaseState.Held, (await Rollouts(host).FindAsync(rollout.Id))!.CurrentState);
        Assert.Equal("erin", (await Audit(host).ReadAsync(rollout.Id)).Single(e => e.Kind == "phase.held").Actor);
    }
}
