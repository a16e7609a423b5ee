using AngleSharp.Dom;
using Dashboard.Core.Guardrails;
using Dashboard.Core.Guardrails.Sequential;
using Dashboard.Core.Rollouts;
using Dashboard.Web.Features.Guardrails;
using Dashboard.Web.Features.Guardrails.Components;
using Dashboard.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Web.Tests.Guardrails;

/// <summary>
/// The evidence meter (docs/guardrails.md, "Evidence meter") on the rollout page's guardrail panel, the trigger decision and
/// the war room, fed a guardrail status published to the real board: the words and numbers for each state, a value rule
/// beside them, and the 100 % case without a baseline.
/// </summary>
public sealed class EvidenceMeterTests
{
    private static readonly Guid RolloutId = new("0b7c5a1e-9d2f-4e83-a6b1-2f4c8d9e7a10");
    private static readonly DateTimeOffset Since = new(2026, 12, 1, 19, 40, 5, TimeSpan.Zero);

    // 12 errors in 2,400 canary requests, 30 in 240,000 baseline: undecided, a call about 40 s away.
    internal static readonly GuardrailEvidence Undecided = new(
        "Error rate > 1.5 %", "errors", SequentialState.NotEnoughEvidence, Since, 2_400, 12, 240_000, 30,
        1.5, 0.5, 0.21, 1.1, 2.1, 0.9, 4.6, 40, 50, 0, null);

    private static readonly GuardrailEvidence Regressing = new(
        "Error rate > 1.5 %", "errors", SequentialState.Regressing, Since, 2_400, 60, 240_000, 720,
        1.5, 2.5, 1.6, 3.7, 8.3, 5.2, 13, 0, 50, 2, null);

    private static readonly GuardrailEvidence Healthy = new(
        "P99 latency > 250 ms", "requests over 250 ms", SequentialState.Healthy, Since, 24_000, 48, 2_400_000, 5_000,
        1, 0.2, 0.12, 0.31, 0.96, 0.62, 1.5, 300, 50, 0, Since.AddMinutes(4));

    private static GuardrailStatusBoard Board() => new(NullLogger<GuardrailStatusBoard>.Instance);

    // Migrated: the meter's times (TimeText) read the viewer's time setting from the state store.
    private static Task<AppTestHost> Host(GuardrailStatusBoard board) => AppTestHost.CreateAsync(addServices: services => services.AddSingleton(board));

    private static GuardrailRuleStatus Rule(string id, string condition, GuardrailReading reading, params GuardrailEvidence[] evidence) => new(
        id, GuardrailKind.RollbackTrigger, condition, "roll back", reading, 0, 3, null, new Dictionary<string, double?>(), null, evidence);

    private static GuardrailRuleStatus RevenueRule(int streak) => new(
        "trigger:3", GuardrailKind.RollbackTrigger, "Revenue impact < -5 %", "roll back", GuardrailReading.Clean, streak, 3, null,
        new Dictionary<string, double?> { ["revenueImpactPct"] = 1.2 });

    internal static GuardrailStatus Poll(Guid id, string phase, params GuardrailRuleStatus[] rules) => new(
        Since, Since, 0.8, 30, 3, null,
        [new RolloutGuardrails(id, "ultra-fast-analyzer", "v3.0.0", phase, PhaseState.Running, rules, null, null, null, [], Since)],
        []);

    private static IRenderedComponent<GuardrailPanel> Panel(AppTestHost host) =>
        host.Context.Render<GuardrailPanel>(p => p.Add(x => x.RolloutId, RolloutId));

    private static string Text(IElement meter, string id) => meter.QuerySelector($"[data-testid={id}]")!.TextContent.Trim();

    [Fact]
    public async Task Panel_NotEnoughEvidence_ShowsCountsEstimateRatioAndTheTimeToACall_NeitherGreenNorRed()
    {
        var board = Board();
        board.PublishPoll(Poll(RolloutId, "canary", Rule("trigger:0", "Error rate > 1.5 %", GuardrailReading.NotEnoughEvidence, Undecided)));
        await using var host = await Host(board);

        var meter = Panel(host).Find("[data-testid=evidence-meter]");

        Assert.Equal("Not enough evidence yet", Text(meter, "evidence-state"));
        Assert.Equal("12 errors in 2,400 canary requests · 30 in 240,000 baseline", Text(meter, "evidence-counts"));
        Assert.Equal("Canary rate 0.50 % (0.21–1.1 %) vs limit 1.5 %", Text(meter, "evidence-estimate"));
        Assert.Equal("Canary ÷ baseline × 2.1 (0.90–4.6)", Text(meter, "evidence-ratio"));
        Assert.Equal("At the current rates, a regression of the plan's size could be called in about 40 s", Text(meter, "evidence-call"));
        Assert.Contains("evidence-chip--undecided", meter.QuerySelector("[data-testid=evidence-state]")!.ClassName, StringComparison.Ordinal);
        Assert.DoesNotContain("NotEnoughEvidence", meter.TextContent, StringComparison.Ordinal);
        Assert.Empty(meter.QuerySelectorAll("[data-testid=evidence-ignored]"));
    }

    [Fact]
    public async Task Panel_Regressing_SaysTheRegressionIsProvenAndCountsIgnoredIntervals()
    {
        var board = Board();
        board.PublishPoll(Poll(RolloutId, "canary", Rule("trigger:0", "Error rate > 1.5 %", GuardrailReading.Breached, Regressing)));
        await using var host = await Host(board);

        var panel = Panel(host);
        var meter = panel.Find("[data-testid=evidence-meter]");

        Assert.Equal("Regressing", Text(meter, "evidence-state"));
        Assert.Equal("60 errors in 2,400 canary requests · 720 in 240,000 baseline", Text(meter, "evidence-counts"));
        Assert.Equal("Canary rate 2.5 % (1.6–3.7 %) vs limit 1.5 %", Text(meter, "evidence-estimate"));
        Assert.Equal("Canary ÷ baseline × 8.3 (5.2–13)", Text(meter, "evidence-ratio"));
        Assert.Equal("Regression proven: the rule acts on this poll", Text(meter, "evidence-call"));
        Assert.Equal("2 intervals ignored: missing, torn or inconsistent data", Text(meter, "evidence-ignored"));
        Assert.Contains("evidence-chip--regressing", meter.QuerySelector("[data-testid=evidence-state]")!.ClassName, StringComparison.Ordinal);
        // No streak for a rule its test judges: it acts on the poll the test proves a regression.
        Assert.Empty(panel.FindAll("[data-testid=guardrail-streak]"));
    }

    [Fact]
    public async Task Panel_HealthyEvidenceRuleBesideAValueRule_ShowsTheMeterAndKeepsTheValueRulesStreak()
    {
        var board = Board();
        board.PublishPoll(Poll(RolloutId, "canary", Rule("trigger:1", "P99 latency > 250 ms", GuardrailReading.Clean, Healthy), RevenueRule(streak: 1)));
        await using var host = await Host(board);

        var panel = Panel(host);
        var rows = panel.FindAll("[data-testid=guardrail-rule]");
        var meter = rows[0].QuerySelector("[data-testid=evidence-meter]")!;

        Assert.Equal("Healthy", Text(meter, "evidence-state"));
        Assert.Equal("48 requests over 250 ms in 24,000 canary requests · 5,000 in 2,400,000 baseline", Text(meter, "evidence-counts"));
        Assert.Equal("Canary rate 0.20 % (0.12–0.31 %) vs limit 1 %", Text(meter, "evidence-estimate"));
        Assert.Equal("Canary ÷ baseline × 0.96 (0.62–1.5)", Text(meter, "evidence-ratio"));
        Assert.Equal("At the current rates, a regression of the plan's size could be called in about 5 min", Text(meter, "evidence-call"));
        Assert.Contains("health last proven at 19:44:05 UTC", Text(meter, "evidence-healthy-proven"), StringComparison.Ordinal);
        Assert.Contains("evidence-chip--healthy", meter.QuerySelector("[data-testid=evidence-state]")!.ClassName, StringComparison.Ordinal);
        Assert.Empty(rows[1].QuerySelectorAll("[data-testid=evidence-meter]"));
        Assert.Equal("1 of 3 polls", rows[1].QuerySelector("[data-testid=guardrail-streak]")!.TextContent.Trim());
        Assert.Contains("1.2 %", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("evidence rules act on the poll their test proves a regression, value rules after 3 polls in a row", panel.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Panel_At100PercentWithoutBaseline_SaysTheComparisonIsNotApplicable()
    {
        var atFull = Healthy with { BaselineTrials = 0, BaselineEvents = 0, Ratio = null, RatioLower = null, RatioUpper = null, SecondsToCall = null };
        var board = Board();
        board.PublishPoll(Poll(RolloutId, "rollout", Rule("trigger:1", "P99 latency > 250 ms", GuardrailReading.Clean, atFull)));
        await using var host = await Host(board);

        var meter = Panel(host).Find("[data-testid=evidence-meter]");

        Assert.Equal("Healthy", Text(meter, "evidence-state"));
        Assert.Equal("48 requests over 250 ms in 24,000 canary requests · no baseline to compare with", Text(meter, "evidence-counts"));
        Assert.Equal("Canary ÷ baseline: comparison not applicable (no baseline)", Text(meter, "evidence-ratio"));
        Assert.Equal("No time to a call yet: no baseline to compare with", Text(meter, "evidence-call"));
    }

    [Theory]
    [InlineData(2_400, 0, 0, "No time to a call yet: no errors seen yet in either cohort")]
    [InlineData(20, 1, 30, "No time to a call yet: below the minimum of 50 canary requests")]
    [InlineData(0, 0, 30, "No time to a call yet: no canary requests counted yet")]
    public async Task Panel_NoTimeToACall_SaysWhy(long canaryTrials, long canaryEvents, long baselineEvents, string expected)
    {
        var evidence = Undecided with
        {
            CanaryTrials = canaryTrials,
            CanaryEvents = canaryEvents,
            BaselineEvents = baselineEvents,
            CanaryRatePct = canaryTrials == 0 ? null : 0.5,
            SecondsToCall = null,
        };
        var board = Board();
        board.PublishPoll(Poll(RolloutId, "canary", Rule("trigger:0", "Error rate > 1.5 %", GuardrailReading.NotEnoughEvidence, evidence)));
        await using var host = await Host(board);

        var meter = Panel(host).Find("[data-testid=evidence-meter]");

        Assert.Equal(expected, Text(meter, "evidence-call"));
    }

    [Fact]
    public async Task Panel_OneEvent_IsCountedInTheSingular()
    {
        var board = Board();
        board.PublishPoll(Poll(RolloutId, "canary", Rule("trigger:0", "Error rate > 1.5 %", GuardrailReading.NotEnoughEvidence, Undecided with { CanaryTrials = 20, CanaryEvents = 1 })));
        await using var host = await Host(board);

        var meter = Panel(host).Find("[data-testid=evidence-meter]");

        Assert.Equal("1 error in 20 canary requests · 30 in 240,000 baseline", Text(meter, "evidence-counts"));
    }

    [Fact]
    public async Task TriggerDecision_ShowsWhatTheGuardrailsDecidedForThatRuleOfThatPhase()
    {
        var board = Board();
        board.PublishPoll(Poll(RolloutId, "canary",
            Rule("trigger:0", "Error rate > 1.5 %", GuardrailReading.Breached, Regressing),
            Rule("trigger:1", "P99 latency > 250 ms", GuardrailReading.NotEnoughEvidence, Healthy with { State = SequentialState.NotEnoughEvidence, SecondsToCall = 40 })));
        await using var host = await Host(board);

        IElement Decision(string phase, string rule) => host.Context.Render<GuardrailTriggerDecision>(p => p
            .Add(x => x.RolloutId, RolloutId).Add(x => x.Phase, phase).Add(x => x.RuleId, rule)).Find("[data-testid=rule-decision]");

        var regressing = Decision("canary", "trigger:0");
        Assert.Equal("Regressing", regressing.GetAttribute("data-tone"));
        Assert.Equal("Regressing", regressing.QuerySelector(".evidence-chip")!.TextContent.Trim());
        Assert.Equal("× 8.3 baseline", regressing.QuerySelector("[data-testid=rule-decision-detail]")!.TextContent.Trim());
        Assert.Equal("Undecided", Decision("canary", "trigger:1").GetAttribute("data-tone"));
        Assert.Contains("call in about 40 s", Decision("canary", "trigger:1").TextContent, StringComparison.Ordinal);
        Assert.Contains("Not judged", Decision("ramp", "trigger:0").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WarRoom_ShowsAChipPerRuleOfTheFollowedRolloutAndCountsTheOthers()
    {
        var other = Guid.NewGuid();
        var board = Board();
        var followed = Poll(RolloutId, "canary", Rule("trigger:0", "Error rate > 1.5 %", GuardrailReading.NotEnoughEvidence, Undecided), RevenueRule(streak: 0));
        board.PublishPoll(followed with
        {
            Rollouts = [.. followed.Rollouts, followed.Rollouts[0] with { RolloutId = other, Service = "checkout", Rules = [Rule("trigger:0", "Error rate > 1.5 %", GuardrailReading.Breached, Regressing), RevenueRule(0)] }],
        });
        await using var host = await Host(board);

        var warRoom = host.Context.Render<WarRoomGuardrails>(p => p.Add(x => x.RolloutId, RolloutId));

        var rules = warRoom.FindAll("[data-testid=warroom-guardrail-rule]");
        Assert.Equal(2, rules.Count);
        Assert.Contains("Not enough evidence yet", rules[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("call in about 40 s", rules[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Error rate > 1.5 %", rules[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Clear", rules[1].TextContent, StringComparison.Ordinal);
        Assert.Equal("Also watched · checkout v3.0.0: 1 regressing · 1 clear", warRoom.Find("[data-testid=warroom-guardrail-others]").TextContent.Trim());
    }

    [Fact]
    public async Task RolloutPage_TriggerRow_ShowsWhatTheGuardrailPanelShows()
    {
        var board = Board();
        await using var host = await AppTestHost.CreateAsync(TestUser.Operator, services =>
        {
            services.AddRolloutPageServices();
            services.AddSingleton(board);
        });
        var id = (await host.StartRolloutAsync()).Id;
        board.PublishPoll(Poll(id, "canary", Rule("trigger:0", "Error rate > 1.5 %", GuardrailReading.Breached, Regressing)));

        var (page, _) = host.RenderRolloutPage(id);

        page.WaitForAssertion(() =>
        {
            var decision = page.Find("[data-testid=trigger-errorRatePct-decision] [data-testid=rule-decision]");
            Assert.Equal("Regressing", decision.GetAttribute("data-tone"));
            Assert.Equal("Regressing", page.Find("[data-testid=guardrail-panel] [data-testid=evidence-state]").TextContent.Trim());
            Assert.Equal("Not judged", page.Find("[data-testid=trigger-p99Ms-decision] .evidence-chip").TextContent.Trim());
        });
    }
}
