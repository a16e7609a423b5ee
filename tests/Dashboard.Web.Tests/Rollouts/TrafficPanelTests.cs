using Dashboard.Core.Plans;
using Dashboard.Web.Features.Rollouts;
using Dashboard.Web.Features.Rollouts.Components;
using Dashboard.Web.Tests.TestSupport;

namespace Dashboard.Web.Tests.Rollouts;

public sealed class TrafficPanelTests
{
    private static IRenderedComponent<TrafficPanel> RenderPanel(LiveDashboardTestHost host, RolloutView rollout, DateTimeOffset now) =>
        host.Context.Render<TrafficPanel>(p => p
            .Add(t => t.Rollout, rollout)
            .Add(t => t.PlanPhase, BuiltInPlans.ThreePhase.Phases[rollout.CurrentPhaseIndex])
            .Add(t => t.Now, now)
            .Add(t => t.RouterName, "HAProxy analyzer"));

    private static string Text(IRenderedComponent<TrafficPanel> panel, string testId) =>
        panel.Find($"[data-testid={testId}]").TextContent.Trim();

    [Fact]
    public async Task RunningPhase_ShowsTimeInPhaseAndTheNextCheckpoint()
    {
        await using var host = new LiveDashboardTestHost();

        var panel = RenderPanel(host, RolloutViews.View(RolloutViews.Started()), RolloutViews.T0.AddMinutes(20));

        Assert.Equal("canary — running", Text(panel, "current-phase"));
        Assert.Equal("20 min 0 s of 2h", Text(panel, "time-in-phase"));
        Assert.Equal("30m checkpoint in 10 min 0 s", Text(panel, "next-checkpoint"));
        Assert.Equal("sign-off by Engineering lead, Operations lead", Text(panel, "gate"));
    }

    [Fact]
    public async Task RunningPhase_PastItsLastCheckpoint_SaysNoneLeft()
    {
        await using var host = new LiveDashboardTestHost();

        var panel = RenderPanel(host, RolloutViews.View(RolloutViews.Started()), RolloutViews.T0.AddHours(3));

        Assert.Equal("none left; the phase window is over", Text(panel, "next-checkpoint"));
    }

    [Fact]
    public async Task HeldPhase_ShowsHowLongItIsHeldAndNoCheckpoint()
    {
        await using var host = new LiveDashboardTestHost();

        var panel = RenderPanel(host, RolloutViews.View(RolloutViews.Held()), RolloutViews.T0.AddMinutes(25));

        Assert.Equal("25 min 0 s (held for 15 min 0 s)", Text(panel, "time-in-phase"));
        Assert.Equal("none while the phase is held", Text(panel, "next-checkpoint"));
    }

    [Fact]
    public async Task AppliedChange_SaysWhoMadeItFromWhereAndWhenTheRouterConfirmedIt()
    {
        await using var host = new LiveDashboardTestHost();
        var rollout = RolloutViews.Created();
        var change = Assert.Single(RolloutViews.Accept(rollout.Start("alice", "go", RolloutViews.T0)));
        var applied = change.Confirm(1, RolloutViews.T0.AddSeconds(2));

        var panel = RenderPanel(host, RolloutViews.View(rollout, RolloutViews.ViewOf(applied)), RolloutViews.T0.AddMinutes(1));

        Assert.Equal("Applied", panel.Find("[data-testid=last-change]").GetAttribute("data-status"));
        Assert.Contains("by alice from the rollout page,", Text(panel, "last-change"), StringComparison.Ordinal);
        Assert.Contains("confirmed by the router at 12:00:02 UTC", Text(panel, "last-change"), StringComparison.Ordinal);
        Assert.Empty(panel.FindAll("[data-testid=traffic-failed]"));
    }

    [Fact]
    public async Task FailedLastChange_ShowsTheRoutersMessage()
    {
        await using var host = new LiveDashboardTestHost();
        var rollout = RolloutViews.Created();
        var change = Assert.Single(RolloutViews.Accept(rollout.Start("alice", "go", RolloutViews.T0)));
        var failed = change.Fail("HAProxy runtime API refused: Permission denied", RolloutViews.T0.AddSeconds(2));

        var panel = RenderPanel(host, RolloutViews.View(rollout, RolloutViews.ViewOf(failed)), RolloutViews.T0.AddMinutes(1));

        Assert.Equal("Failed", panel.Find("[data-testid=last-change]").GetAttribute("data-status"));
        Assert.Contains(
            "The router did not confirm 1 %: HAProxy runtime API refused: Permission denied.",
            panel.Find("[data-testid=traffic-failed]").TextContent,
            StringComparison.Ordinal);
    }
}
