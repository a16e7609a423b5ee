using Dashboard.Core.Plans;
using Dashboard.Web.Features.LiveMetrics;
using Dashboard.Web.Features.LiveMetrics.Components;
using Dashboard.Web.Features.Rollouts.Components;
using Dashboard.Web.Tests.TestSupport;

namespace Dashboard.Web.Tests.Rollouts;

public sealed class PhaseCriteriaPanelTests
{
    private static PlanPhase Canary => BuiltInPlans.ThreePhase.Phases[0];

    private static IRenderedComponent<PhaseCriteriaPanel> RenderPanel(LiveDashboardTestHost host, LiveDashboardState state, PlanPhase? phase = null, TimeSpan? elapsed = null)
    {
        var freshness = DataFreshness.Evaluate(state, LiveDashboardTestHost.Start, LiveDashboardTestHost.Staleness);
        return host.Context.Render<PhaseCriteriaPanel>(p => p
            .Add(c => c.PlanPhase, phase ?? Canary)
            .Add(c => c.Elapsed, elapsed)
            .Add(c => c.Live, new LiveDashboardView(state, freshness))
            .Add(c => c.TriggerDecision, index => $"<span class=\"composed-decision\">decision of trigger {index}</span>"));
    }

    private static string Verdict(IRenderedComponent<PhaseCriteriaPanel> panel, string metric) =>
        panel.Find($"[data-testid=criterion-{metric}]").GetAttribute("data-verdict")!;

    [Fact]
    public async Task FreshSnapshot_JudgesEachCriterionOnTheLiveCanaryValue()
    {
        await using var host = new LiveDashboardTestHost();
        var canary = States.HealthyCanary with { ErrorRatePct = 0.3, P99Ms = 190, AvailabilityPct = 99.5 };

        var panel = RenderPanel(host, States.Fresh(States.Snapshot(canary: canary, revenueImpactPct: 1.2)));

        Assert.Equal(
            ("Pass", "Warn", "Fail", "Pass"),
            (Verdict(panel, "errorRatePct"), Verdict(panel, "p99Ms"), Verdict(panel, "availabilityPct"), Verdict(panel, "revenueImpactPct")));
        Assert.Equal("0.3 %", panel.Find("[data-testid=criterion-errorRatePct-value]").TextContent);
        Assert.Equal("190 ms", panel.Find("[data-testid=criterion-p99Ms-value]").TextContent);
        Assert.Equal("99.5 %", panel.Find("[data-testid=criterion-availabilityPct-value]").TextContent);
        Assert.Contains("WARN", panel.Find("[data-testid=criterion-p99Ms]").TextContent, StringComparison.Ordinal);
        Assert.Empty(panel.FindAll("[data-testid=criteria-stale]"));
    }

    [Fact]
    public async Task StaleFreshness_ShowsEveryRowAsNoDataAndSaysWhy()
    {
        await using var host = new LiveDashboardTestHost();

        var panel = RenderPanel(host, States.Stale("InfluxDB unreachable: connection refused", TimeSpan.FromSeconds(42)));

        var rows = panel.FindAll("[data-testid^=criterion-][data-verdict]");
        Assert.Equal(5, rows.Count);
        Assert.All(rows, row => Assert.Equal("NoData", row.GetAttribute("data-verdict")));
        Assert.Contains("InfluxDB unreachable: connection refused", panel.Find("[data-testid=criteria-stale]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaleFreshness_TriggerRowsShowNoOldSnapshotValue()
    {
        await using var host = new LiveDashboardTestHost();
        var snapshot = States.Snapshot(canary: States.HealthyCanary with { ErrorRatePct = 3 });

        var panel = RenderPanel(host, States.Stale("InfluxDB unreachable", TimeSpan.FromSeconds(42), snapshot));

        Assert.Equal("stale", panel.Find("[data-testid=trigger-errorRatePct-snapshot]").TextContent);
    }

    [Fact]
    public async Task MetricNotInTheSnapshot_IsNoDataWithItsNote()
    {
        await using var host = new LiveDashboardTestHost();

        var panel = RenderPanel(host, States.Fresh());

        var row = panel.Find("[data-testid=criterion-criticalIncidents]");
        Assert.Equal("NoData", row.GetAttribute("data-verdict"));
        Assert.Equal("—", panel.Find("[data-testid=criterion-criticalIncidents-value]").TextContent);
        Assert.Equal("not in the live metrics; judged at checkpoints", row.QuerySelector(".criterion-note")!.TextContent);
    }

    [Fact]
    public async Task CriterionFromALaterCheckpoint_SaysWhenItApplies()
    {
        await using var host = new LiveDashboardTestHost();
        var rolloutPhase = BuiltInPlans.ThreePhase.Phases[2];

        var panel = RenderPanel(host, States.Fresh(), rolloutPhase, elapsed: TimeSpan.FromHours(1));

        Assert.Equal(
            "applies from the 2h checkpoint",
            panel.Find("[data-testid=criterion-cacheEfficiencyPct]").QuerySelector(".criterion-note")!.TextContent);
    }

    [Fact]
    public async Task AutoRollbackTriggers_ShowTheGuardrailsDecision_WithTheSnapshotOnlyAsContext()
    {
        await using var host = new LiveDashboardTestHost();
        var canary = States.HealthyCanary with { ErrorRatePct = 2.0 };

        var panel = RenderPanel(host, States.Fresh(States.Snapshot(canary: canary)));

        // The snapshot breaches the trigger, yet the row does not judge it a second time: the guardrails' decision is the verdict.
        Assert.Equal("decision of trigger 0", panel.Find("[data-testid=trigger-errorRatePct-decision]").TextContent.Trim());
        Assert.Equal("decision of trigger 2", panel.Find("[data-testid=trigger-availabilityPct-decision]").TextContent.Trim());
        Assert.Equal("2 %", panel.Find("[data-testid=trigger-errorRatePct-snapshot]").TextContent);
        Assert.DoesNotContain("HOLDS", panel.Find("[data-testid=trigger-errorRatePct]").TextContent, StringComparison.Ordinal);
        Assert.Equal("Fail", Verdict(panel, "errorRatePct"));
    }
}
