using Dashboard.Core.Guardrails;
using Dashboard.Core.Rollouts;
using Dashboard.Web.Features.Guardrails;
using Dashboard.Web.Features.Guardrails.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Dashboard.Web.Tests.TestSupport;

namespace Dashboard.Web.Tests.Guardrails;

/// <summary>The alert banner and the rollout page's guardrail panel on a real status board.</summary>
public sealed class GuardrailBannerTests
{
    private static readonly Guid RolloutId = new("6a1f0e2d-3c4b-4a59-8e7d-1c2b3a4f5e6d");
    private static readonly DateTimeOffset Since = new(2026, 12, 1, 19, 40, 5, TimeSpan.Zero);

    private static readonly RouterAlert Alert = new(
        RolloutId, "ultra-fast-analyzer", "v3.0.0", 0, "HAProxy runtime API unix:/run/haproxy/admin.sock cannot be reached", Since, 4, Since.AddSeconds(20));

    private static AppTestHost Host(GuardrailStatusBoard board) => new(addServices: services => services.AddSingleton(board));

    private static GuardrailStatusBoard Board() => new(NullLogger<GuardrailStatusBoard>.Instance);

    private static RolloutGuardrails Watched(PhaseState state, DateTimeOffset? blindSince = null, params GuardrailRuleStatus[] rules) => new(
        RolloutId, "ultra-fast-analyzer", "v3.0.0", "canary", state, rules, null, null, blindSince, blindSince is null ? [] : ["errorRatePct"]);

    private static GuardrailStatus Poll(string? blindReason, params RolloutGuardrails[] rollouts) =>
        new(Since, Since, 0.8, 30, 3, blindReason, rollouts, []);

    [Fact]
    public async Task Banner_RouterAlert_SaysWhichRolloutWhatFailedAndSinceWhen()
    {
        var board = Board();
        board.SetAlert(Alert);
        await using var host = Host(board);

        var banner = host.Context.Render<GuardrailAlertBanner>();

        var alert = banner.Find("[data-testid=guardrail-alert]");
        Assert.Contains("ultra-fast-analyzer v3.0.0: the router has not confirmed 0 % canary traffic", alert.TextContent, StringComparison.Ordinal);
        Assert.Contains("Since 19:40:05 UTC · attempt 4 · next retry 19:40:25 UTC", alert.TextContent, StringComparison.Ordinal);
        Assert.Contains("cannot be reached", alert.TextContent, StringComparison.Ordinal);
        Assert.Single(banner.FindAll($"a[href='/rollouts/{RolloutId}']"));
    }

    [Fact]
    public async Task Banner_AlertCleared_DisappearsWithoutReload()
    {
        var board = Board();
        board.SetAlert(Alert);
        await using var host = Host(board);
        var banner = host.Context.Render<GuardrailAlertBanner>();

        board.ClearAlert(RolloutId);

        banner.WaitForAssertion(() => Assert.Empty(banner.FindAll("[data-testid=guardrail-alert]")));
    }

    [Fact]
    public async Task Banner_ReadOnly_ShowsTheAlertWithoutButtons()
    {
        var board = Board();
        board.SetAlert(Alert);
        await using var host = Host(board);

        var banner = host.Context.Render<GuardrailAlertBanner>(p => p.Add(b => b.ReadOnly, true));

        Assert.Single(banner.FindAll("[data-testid=guardrail-alert]"));
        Assert.Empty(banner.FindAll("a"));
    }

    [Fact]
    public async Task Banner_RunningRolloutWithoutData_WarnsThatGuardrailsAreBlind()
    {
        var board = Board();
        await using var host = Host(board);
        var banner = host.Context.Render<GuardrailAlertBanner>();

        board.PublishPoll(Poll("InfluxDB could not be read: connection refused", Watched(PhaseState.Running, Since)));

        banner.WaitForAssertion(() =>
        {
            var blind = banner.Find("[data-testid=guardrail-blind]");
            Assert.Contains("blind for ultra-fast-analyzer v3.0.0 since 19:40:05 UTC", blind.TextContent, StringComparison.Ordinal);
            Assert.Contains("InfluxDB could not be read: connection refused", blind.TextContent, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Banner_NoAlertAndEveryTriggerJudged_IsEmpty()
    {
        var board = Board();
        board.PublishPoll(Poll(null, Watched(PhaseState.Running)));
        await using var host = Host(board);

        var banner = host.Context.Render<GuardrailAlertBanner>();

        Assert.Empty(banner.FindAll("[role=alert]"));
    }

    [Fact]
    public async Task Panel_ShowsEachRuleWithItsLiveValueAndStreak()
    {
        var board = Board();
        board.PublishPoll(Poll(null, Watched(
            PhaseState.Running,
            null,
            new GuardrailRuleStatus("trigger:0", GuardrailKind.RollbackTrigger, "Error rate > 1.5 %", "roll back", GuardrailReading.Breached, 2, 3, Since, new Dictionary<string, double?> { ["errorRatePct"] = 1.92 }),
            new GuardrailRuleStatus("trigger:2", GuardrailKind.RollbackTrigger, "Availability < 99 %", "roll back", GuardrailReading.NoData, 0, 3, null, new Dictionary<string, double?> { ["availabilityPct"] = null }))));
        await using var host = Host(board);

        var panel = host.Context.Render<GuardrailPanel>(p => p.Add(x => x.RolloutId, RolloutId));

        var rows = panel.FindAll("[data-testid=guardrail-rule]");
        Assert.Equal(2, rows.Count);
        Assert.Contains("1.92 %", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("2 of 3 polls", rows[0].QuerySelector("[data-testid=guardrail-streak]")!.TextContent.Trim());
        Assert.Contains("NO DATA", rows[1].TextContent, StringComparison.Ordinal);
    }
    [Fact]
    public async Task Panel_BlockedContingencyAndRevenueAt100Percent_SayWhyAndNotApplicable()
    {
        const string Why = "cannot reduce traffic to 1 %: the phase awaits sign-off, and traffic changes only while a phase runs; the canary stays at 5 % — hold or roll back by hand";
        var board = Board();
        board.PublishPoll(Poll(null, Watched(
            PhaseState.AwaitingSignOff,
            null,
            new GuardrailRuleStatus("trigger:3", GuardrailKind.RollbackTrigger, "Revenue impact < -5 %", "roll back", GuardrailReading.NotApplicable, 0, 3, null, new Dictionary<string, double?> { ["revenueImpactPct"] = null }),
            new GuardrailRuleStatus("contingency:0", GuardrailKind.Contingency, "Error rate > 0.8 %", "reduce traffic to 1 %", GuardrailReading.Breached, 5, 3, Since, new Dictionary<string, double?> { ["errorRatePct"] = 1.3 }, Why))));
        await using var host = Host(board);

        var panel = host.Context.Render<GuardrailPanel>(p => p.Add(x => x.RolloutId, RolloutId));

        var rows = panel.FindAll("[data-testid=guardrail-rule]");
        Assert.DoesNotContain("NO DATA", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("not applicable at 100 % (no baseline)", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Equal($"Does not act: {Why}", rows[1].QuerySelector("[data-testid=guardrail-blocked]")!.TextContent.Trim());
        Assert.Empty(rows[0].QuerySelectorAll("[data-testid=guardrail-blocked]"));
    }
}
