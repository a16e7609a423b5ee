using Dashboard.Core.Rollouts;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Features.Rollouts;
using Dashboard.Web.Features.Rollouts.Components;
using Dashboard.Web.Tests.TestSupport;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.Web.Tests.Rollouts;

public sealed class RolloutActionBarTests
{
    private static readonly string[] AllKeys = ["start", "advance", "hold", "resume", "retry-phase", "change-traffic", "roll-back", "abort"];

    private static readonly Actor Operator = Actor.Person("alice", [WarRoomRole.Operator]);

    private static IRenderedComponent<RolloutActionBar> RenderBar(
        LiveDashboardTestHost host, RolloutView rollout, Action<RolloutAction>? onAction = null, bool interactive = true, bool busy = false, Actor? actor = null)
    {
        host.Context.SetRendererInfo(interactive ? RendererModes.Interactive : RendererModes.Prerendering);
        host.Context.Render<MudPopoverProvider>();
        return host.Context.Render<RolloutActionBar>(p => p
            .Add(b => b.Rollout, rollout)
            .Add(b => b.Actor, actor ?? Operator)
            .Add(b => b.Busy, busy)
            .Add(b => b.OnAction, EventCallback.Factory.Create<RolloutAction>(new object(), onAction ?? (_ => { }))));
    }

    private static string[] EnabledKeys(IRenderedComponent<RolloutActionBar> bar) =>
        [.. AllKeys.Where(key => !bar.Find($"button[data-testid=action-{key}]").HasAttribute("disabled"))];

    [Fact]
    public async Task ActionBar_RunningPhase_EnablesExactlyThePeoplesAllowedActions()
    {
        await using var host = new LiveDashboardTestHost();

        var bar = RenderBar(host, RolloutViews.View(RolloutViews.Started()));

        Assert.Equal(["advance", "hold", "change-traffic", "roll-back", "abort"], EnabledKeys(bar));
    }

    [Fact]
    public async Task ActionBar_NotStarted_EnablesStartAndAbortOnly()
    {
        await using var host = new LiveDashboardTestHost();

        var bar = RenderBar(host, RolloutViews.View(RolloutViews.Created()));

        Assert.Equal(["start", "abort"], EnabledKeys(bar));
    }

    [Fact]
    public async Task ActionBar_HeldPhase_DisablesChangeTrafficAndSaysWhy()
    {
        await using var host = new LiveDashboardTestHost();

        var bar = RenderBar(host, RolloutViews.View(RolloutViews.Held()));

        Assert.True(bar.Find("button[data-testid=action-change-traffic]").HasAttribute("disabled"));
        Assert.Equal(
            "Change traffic is not possible while phase 'canary' is held. Possible now: Resume, Retry phase, Roll back, Abort.",
            bar.Find("[data-testid=action-change-traffic-wrapper]").GetAttribute("title"));
        Assert.Equal(["resume", "retry-phase", "roll-back", "abort"], EnabledKeys(bar));
    }

    [Fact]
    public async Task ActionBar_EnabledAction_IsTitledWithWhatItDoes()
    {
        await using var host = new LiveDashboardTestHost();

        var bar = RenderBar(host, RolloutViews.View(RolloutViews.Held()));

        Assert.Equal("Resume the held phase.", bar.Find("[data-testid=action-resume-wrapper]").GetAttribute("title"));
    }

    [Fact]
    public async Task ActionBar_Explanation_NamesTheStateAndThePossibleActions()
    {
        await using var host = new LiveDashboardTestHost();

        var bar = RenderBar(host, RolloutViews.View(RolloutViews.Held()));

        Assert.Equal(
            "Phase 'canary' is held. Possible now: Resume, Retry phase, Roll back, Abort.",
            bar.Find("[data-testid=action-explanation]").TextContent.Trim());
    }

    [Fact]
    public async Task ActionBar_FinishedRollout_DisablesEverythingAndSaysNothingCanChangeIt()
    {
        await using var host = new LiveDashboardTestHost();

        var bar = RenderBar(host, RolloutViews.View(RolloutViews.RolledBack()));

        Assert.Empty(EnabledKeys(bar));
        Assert.Equal(
            "The rollout is rolled back; nothing can change it any more.",
            bar.Find("[data-testid=action-explanation]").TextContent.Trim());
        Assert.Equal(
            "The rollout is rolled back; nothing can change it any more.",
            bar.Find("[data-testid=action-abort-wrapper]").GetAttribute("title"));
    }

    [Fact]
    public async Task ActionBar_ClickOnAnEnabledAction_RaisesOnActionWithIt()
    {
        await using var host = new LiveDashboardTestHost();
        var raised = new List<RolloutAction>();
        var bar = RenderBar(host, RolloutViews.View(RolloutViews.Started()), raised.Add);

        bar.Find("button[data-testid=action-change-traffic]").Click();
        bar.Find("button[data-testid=action-hold]").Click();

        Assert.Equal([RolloutAction.ChangeTraffic, RolloutAction.Hold], raised);
    }

    [Fact]
    public async Task ActionBar_TappingAnAction_LeavesNoTooltipStandingOverTheButtons()
    {
        await using var host = new LiveDashboardTestHost();
        var bar = RenderBar(host, RolloutViews.View(RolloutViews.Started()));

        bar.Find("button[data-testid=action-hold]").Click();

        // A touch screen never sends the mouse-leave that hides a MudTooltip; a title shows on hover only.
        Assert.Empty(bar.FindAll(".mud-tooltip-root, .mud-tooltip"));
        Assert.Equal(ActionLabels.Purpose(RolloutAction.Hold), bar.Find("[data-testid=action-hold-wrapper]").GetAttribute("title"));
    }

    [Fact]
    public async Task ActionBar_WhilePrerendering_DisablesEvenAllowedActions()
    {
        await using var host = new LiveDashboardTestHost();

        var bar = RenderBar(host, RolloutViews.View(RolloutViews.Started()), interactive: false);

        Assert.Empty(EnabledKeys(bar));
    }

    [Fact]
    public async Task ActionBar_WhileBusy_DisablesEveryAction()
    {
        await using var host = new LiveDashboardTestHost();

        var bar = RenderBar(host, RolloutViews.View(RolloutViews.Started()), busy: true);

        Assert.Empty(EnabledKeys(bar));
    }

    [Fact]
    public async Task ActionBar_LeadOnAHeldPhase_OffersOnlyTheLeadsActionsAndNamesOnlyThoseAsPossible()
    {
        await using var host = new LiveDashboardTestHost();

        var bar = RenderBar(host, RolloutViews.View(RolloutViews.Held()), actor: Actor.Person("erin", [WarRoomRole.EngineeringLead]));

        Assert.Equal(["action-hold", "action-roll-back"], bar.FindAll("button[data-testid^=action-]").Select(b => b.GetAttribute("data-testid")));
        Assert.True(bar.Find("button[data-testid=action-hold]").HasAttribute("disabled"));
        Assert.Equal(
            "Hold is not possible while phase 'canary' is held. Possible now: Roll back.",
            bar.Find("[data-testid=action-hold-wrapper]").GetAttribute("title"));
        Assert.Equal("Phase 'canary' is held. Possible now: Roll back.", bar.Find("[data-testid=action-explanation]").TextContent.Trim());
        Assert.Equal(
            "You are signed in as engineering lead: Start, Advance, Resume, Retry phase, Change traffic and Abort need the operator role.",
            bar.Find("[data-testid=access-note]").TextContent.Trim());
    }

    [Fact]
    public async Task ActionBar_Operator_HasNoAccessNote()
    {
        await using var host = new LiveDashboardTestHost();

        var bar = RenderBar(host, RolloutViews.View(RolloutViews.Started()));

        Assert.Equal(AllKeys.Length, bar.FindAll("button[data-testid^=action-]").Count);
        Assert.Empty(bar.FindAll("[data-testid=access-note]"));
    }
}
