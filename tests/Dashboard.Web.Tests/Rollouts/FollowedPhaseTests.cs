using Dashboard.Core.Rollouts;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Web.Components.Pages;
using Dashboard.Web.Features.LiveMetrics;
using Dashboard.Web.Features.Rollouts;
using Dashboard.Web.Tests.TestSupport;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Rollouts;

/// <summary>
/// The live pages (/ and /warroom) judge by the running phase of the rollout they follow — the same
/// criteria the rollout page's criteria panel shows — so one number has one colour on every screen.
/// </summary>
public sealed class FollowedPhaseTests
{
    // Between the ramp's threshold (< 0.5 %) and the canary's (< 1 %, WARN from 0.8 %): FAIL in the ramp, PASS in the canary.
    private const double ErrorRateBetweenRampAndCanary = 0.7;

    [Fact]
    public async Task RampPhase_ErrorRateBetweenRampAndCanaryThresholds_HasTheSameVerdictOnEveryScreen()
    {
        await using var host = await AppTestHost.CreateAsync(TestUser.Operator, RolloutPageTesting.AddRolloutPageServices);
        var rollout = await StartAsync(host, startedAt: RolloutViews.T0.AddHours(-3));
        await AdvanceAsync(host, rollout, RolloutViews.T0.AddHours(-1));
        Publish(host, ErrorRateBetweenRampAndCanary);

        var dashboard = host.Context.Render<LiveDashboard>();
        var warRoom = host.Context.Render<WarRoom>();
        var (rolloutPage, _) = host.RenderRolloutPage(rollout.Id);

        dashboard.WaitForAssertion(() => Assert.Equal("Fail", TileVerdict(dashboard)));
        warRoom.WaitForAssertion(() => Assert.Equal("Fail", TileVerdict(warRoom)));
        rolloutPage.WaitForAssertion(() => Assert.Equal(
            "Fail", rolloutPage.Find("[data-testid=criterion-errorRatePct]").GetAttribute("data-verdict")));
        Assert.Equal("Following: learning-api v3.0.0 — ramp 10 %", dashboard.Find("[data-testid=phase]").TextContent);
        Assert.Equal("Following: learning-api v3.0.0 — ramp 10 %", warRoom.Find("[data-testid=phase]").TextContent);
        Assert.Equal("threshold < 0.5 %", warRoom.Find("[data-testid=tile-errorRatePct-threshold]").TextContent);
    }

    [Fact]
    public async Task PhaseAdvance_BringsTheNewPhasesThresholdsToTheOpenPage()
    {
        await using var host = await AppTestHost.CreateAsync(TestUser.Operator, RolloutPageTesting.AddRolloutPageServices);
        var rollout = await StartAsync(host, startedAt: RolloutViews.T0.AddHours(-3));
        Publish(host, ErrorRateBetweenRampAndCanary);
        var dashboard = host.Context.Render<LiveDashboard>();
        dashboard.WaitForAssertion(() => Assert.Equal("Pass", TileVerdict(dashboard)));
        Assert.Equal("Following: learning-api v3.0.0 — canary 1 %", dashboard.Find("[data-testid=phase]").TextContent);

        await AdvanceAsync(host, rollout, RolloutViews.T0.AddHours(-1));

        dashboard.WaitForAssertion(() => Assert.Equal("Fail", TileVerdict(dashboard)));
        Assert.Equal("Following: learning-api v3.0.0 — ramp 10 %", dashboard.Find("[data-testid=phase]").TextContent);
    }

    [Fact]
    public async Task SeveralRunning_FollowsTheMostRecentlyStarted_AndTheQueryChoosesAnother()
    {
        await using var host = await AppTestHost.CreateAsync(TestUser.Operator, RolloutPageTesting.AddRolloutPageServices);
        var older = await StartAsync(host, startedAt: RolloutViews.T0.AddHours(-3));
        await AdvanceAsync(host, older, RolloutViews.T0.AddHours(-2));
        await StartAsync(host, startedAt: RolloutViews.T0.AddHours(-1), service: "search-api");
        Publish(host, ErrorRateBetweenRampAndCanary);

        var dashboard = host.Context.Render<LiveDashboard>();
        dashboard.WaitForAssertion(() => Assert.Equal(
            "Following: search-api v3.0.0 — canary 1 %", dashboard.Find("[data-testid=phase]").TextContent));
        Assert.Equal("Pass", TileVerdict(dashboard));
        Assert.Equal(
            ["search-api v3.0.0 — canary 1 %", "learning-api v3.0.0 — ramp 10 %"],
            dashboard.FindAll("[data-testid=followed-rollout-select] option").Select(option => option.TextContent));

        dashboard.Find("[data-testid=followed-rollout-select]").Change(older.Id.ToString());

        Assert.EndsWith($"?rollout={older.Id}", host.Context.Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
        dashboard.WaitForAssertion(() => Assert.Equal(
            "Following: learning-api v3.0.0 — ramp 10 %", dashboard.Find("[data-testid=phase]").TextContent));
        Assert.Equal("Fail", TileVerdict(dashboard));
    }

    [Fact]
    public async Task WarRoom_NewerRolloutRolledBack_EveryPanelShowsTheRunningRolloutItFollows()
    {
        await using var host = await AppTestHost.CreateAsync(TestUser.Operator, RolloutPageTesting.AddRolloutPageServices);
        var running = await StartAsync(host, startedAt: RolloutViews.T0.AddHours(-3));
        await AdvanceAsync(host, running, RolloutViews.T0.AddHours(-2));
        var rolledBack = await StartAsync(host, startedAt: RolloutViews.T0.AddHours(-1), service: "search-api");
        await SaveAsync(host, rolledBack, rolledBack.RollBack("bob", "5xx in EU", RolloutViews.T0.AddMinutes(-30)));
        Publish(host, ErrorRateBetweenRampAndCanary);

        var warRoom = host.Context.Render<WarRoom>();

        warRoom.WaitForAssertion(() => Assert.Equal(
            "Following: learning-api v3.0.0 — ramp 10 %", warRoom.Find("[data-testid=phase]").TextContent));
        warRoom.WaitForAssertion(() => Assert.Contains(
            "learning-api v3.0.0 · phase ramp", warRoom.Find("[data-testid=warroom-checkpoints]").TextContent, StringComparison.Ordinal));
        warRoom.WaitForAssertion(() => Assert.Contains(
            "phase ramp", warRoom.Find("[data-testid=signoff-panel]").TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain("search-api", warRoom.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoneRunning_JudgesByTheDefaultPlansFirstPhaseAndSaysSo()
    {
        await using var host = await AppTestHost.CreateAsync(TestUser.Operator, RolloutPageTesting.AddRolloutPageServices);
        Publish(host, ErrorRateBetweenRampAndCanary);

        var warRoom = host.Context.Render<WarRoom>();

        warRoom.WaitForAssertion(() => Assert.Equal(
            "No rollout running — thresholds of the three-phase plan's canary phase", warRoom.Find("[data-testid=phase]").TextContent));
        Assert.Equal("Pass", TileVerdict(warRoom));
        Assert.Empty(warRoom.FindAll("[data-testid=followed-rollout]"));
    }

    private static string? TileVerdict(IRenderedComponent<IComponent> page) =>
        page.Find("[data-testid=tile-errorRatePct]").GetAttribute("data-verdict");

    private static void Publish(AppTestHost host, double canaryErrorRatePct)
    {
        var feed = (TestLiveDashboardFeed)host.Context.Services.GetRequiredService<ILiveDashboardFeed>();
        feed.Publish(new LiveDashboardState
        {
            Snapshot = States.Snapshot(canary: States.HealthyCanary with { ErrorRatePct = canaryErrorRatePct }),
            LastSuccessAt = host.Clock.GetUtcNow(),
            LastAttemptAt = host.Clock.GetUtcNow(),
        });
    }

    private static async Task<Rollout> StartAsync(AppTestHost host, DateTimeOffset startedAt, string service = "learning-api")
    {
        var store = host.Context.Services.GetRequiredService<RolloutStore>();
        var creation = Rollout.Create(Guid.NewGuid(), service, "v2.9.4", "v3.0.0", RolloutViews.Plan, "alice", "release", startedAt.AddMinutes(-5));
        Assert.True(creation.Succeeded, creation.Rejection?.Message);
        await store.CreateAsync(creation.Rollout, creation.Events);
        var rollout = creation.Rollout;
        await SaveAsync(host, rollout, rollout.Start("alice", "go", startedAt));
        return rollout;
    }

    // As RolloutService does: save the command, then tell every open page.
    private static Task AdvanceAsync(AppTestHost host, Rollout rollout, DateTimeOffset at) =>
        SaveAsync(host, rollout, rollout.Advance("bob", "canary GO", at));

    private static async Task SaveAsync(AppTestHost host, Rollout rollout, RolloutResult result)
    {
        Assert.True(result.Succeeded, result.Rejection?.Message);
        await host.Context.Services.GetRequiredService<RolloutStore>()
            .SaveAsync(rollout, rollout.Version - 1, result.Events, TrafficChangeSource.Ui);
        host.Context.Services.GetRequiredService<RolloutChangeFeed>().Publish(rollout.Id, result.Events);
    }
}
