using Dashboard.Core.Metrics;
using Dashboard.Web.Components.Pages;
using Dashboard.Web.Features.LiveMetrics.Components;
using Dashboard.Web.Tests.TestSupport;

namespace Dashboard.Web.Tests.LiveMetrics;

public sealed class LiveDashboardPageTests
{
    [Fact]
    public async Task Dashboard_StaleState_ShowsBannerNamingTheCauseAndAge()
    {
        await using var host = new LiveDashboardTestHost().With(
            States.Stale("InfluxDB unreachable: connection refused", TimeSpan.FromSeconds(42)));

        var page = host.Context.Render<LiveDashboard>();

        Assert.Equal("InfluxDB unreachable: connection refused", page.Find("[data-testid=stale-reason]").TextContent);
        Assert.Contains("42 s ago", page.Find("[data-testid=stale-age]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_FreshState_ShowsNoBanner()
    {
        await using var host = new LiveDashboardTestHost().With(States.Fresh(age: TimeSpan.FromSeconds(2)));

        var page = host.Context.Render<LiveDashboard>();

        Assert.Empty(page.FindAll("[data-testid=stale-banner]"));
        Assert.Contains("updated 2 s ago", page.Find("[data-testid=freshness]").TextContent, StringComparison.Ordinal);
        Assert.Equal("No rollout running — thresholds of the three-phase plan's canary phase", page.Find("[data-testid=phase]").TextContent);
    }

    [Fact]
    public async Task Dashboard_DataOlderThanTheStalenessLimit_ShowsBannerWithoutAnyNewState()
    {
        await using var host = new LiveDashboardTestHost().With(States.Fresh());
        var page = host.Context.Render<LiveDashboard>();

        host.Clock.Advance(LiveDashboardTestHost.Staleness.MaxAge);
        page.WaitForAssertion(() => Assert.Contains("updated 15 s ago", page.Find("[data-testid=freshness]").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("[data-testid=stale-banner]"));

        host.Clock.Advance(TimeSpan.FromSeconds(1));

        page.WaitForAssertion(() =>
            Assert.Equal("No new data for 16 s", page.Find("[data-testid=stale-reason]").TextContent));
    }

    [Fact]
    public async Task Dashboard_UpdatedAgo_TicksEverySecond()
    {
        await using var host = new LiveDashboardTestHost().With(States.Fresh());
        var page = host.Context.Render<LiveDashboard>();

        host.Clock.Advance(TimeSpan.FromSeconds(3));

        page.WaitForAssertion(() =>
            Assert.Contains("updated 3 s ago", page.Find("[data-testid=freshness]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dashboard_FreshStatePublished_BannerDisappearsWithoutReload()
    {
        await using var host = new LiveDashboardTestHost().With(
            States.Stale("InfluxDB unreachable: connection refused", TimeSpan.FromSeconds(42)));
        var page = host.Context.Render<LiveDashboard>();
        Assert.NotEmpty(page.FindAll("[data-testid=stale-banner]"));

        host.Feed.Publish(States.Fresh(States.Snapshot(canary: States.HealthyCanary with { ErrorRatePct = 1.5 })));

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=stale-banner]")));
        Assert.Equal("1.50", page.Find("[data-testid=tile-errorRatePct-canary]").TextContent);
        Assert.Empty(page.FindAll(".tile--stale"));
    }

    [Fact]
    public async Task Dashboard_Snapshot_RendersSegmentAndRegionTables()
    {
        var healthy = new CohortPair(States.HealthyBaseline, States.HealthyCanary);
        var segments = new Dictionary<string, CohortPair>
        {
            ["A"] = healthy,
            ["B"] = healthy with { Canary = States.HealthyCanary with { ErrorRatePct = 2.0 } },
            ["C"] = healthy with { Canary = States.HealthyCanary with { P99Ms = null } },
        };
        var regions = new Dictionary<string, CohortPair> { ["us-east"] = healthy, ["eu"] = healthy };
        await using var host = new LiveDashboardTestHost().With(
            States.Fresh(States.Snapshot(segments: segments, regions: regions)));

        var page = host.Context.Render<LiveDashboard>();

        var segmentRows = page.FindAll("[data-testid=breakdown-segments-row]");
        Assert.Equal(["A", "B", "C"], segmentRows.Select(r => r.GetAttribute("data-key")));
        Assert.Equal(["eu", "us-east"], page.FindAll("[data-testid=breakdown-regions-row]").Select(r => r.GetAttribute("data-key")));
        var segmentB = segmentRows[1];
        var errorCell = segmentB.QuerySelector("td[data-metric=errorRatePct][data-cohort=canary]")!;
        Assert.Equal("Fail", errorCell.GetAttribute("data-verdict"));
        Assert.Equal("2.00", errorCell.TextContent);
        Assert.Equal("0.25", segmentB.QuerySelector("td[data-metric=errorRatePct][data-cohort=baseline]")!.TextContent);
        var missingP99 = segmentRows[2].QuerySelector("td[data-metric=p99Ms][data-cohort=canary]")!;
        Assert.Equal(("NoData", "no data"), (missingP99.GetAttribute("data-verdict"), missingP99.TextContent));
        Assert.Equal("Pass", segmentRows[0].QuerySelector("td[data-metric=availabilityPct][data-cohort=canary]")!.GetAttribute("data-verdict"));
    }

    [Fact]
    public async Task Dashboard_ChartRangeWithoutData_SaysSoInsteadOfDrawing()
    {
        await using var host = new LiveDashboardTestHost().With(States.Fresh());

        var page = host.Context.Render<LiveDashboard>();

        Assert.Equal(4, page.FindAll("[data-testid$=-empty]").Count(e => e.TextContent == "no data in this range"));
    }

    [Fact]
    public async Task Dashboard_ChartData_DrawsOnlyTheSelectedRange()
    {
        var state = States.Fresh() with
        {
            Charts = new Dictionary<ChartRange, ChartSeriesSet> { [ChartRange.Last15Minutes] = ChartData.ErrorRate(ChartRange.Last15Minutes) },
        };
        await using var host = new LiveDashboardTestHost().With(state);
        var page = host.Context.Render<LiveDashboard>();
        Assert.NotEmpty(page.FindAll("[data-testid=chart-errorRatePct-empty]"));

        page.Find("[data-testid=chart-range-Last15Minutes]").Click();

        Assert.Empty(page.FindAll("[data-testid=chart-errorRatePct-empty]"));
        Assert.NotNull(page.Find("[data-testid=chart-errorRatePct] [data-testid=time-chart]"));
        Assert.NotEmpty(page.FindAll("[data-testid=chart-p99Ms-empty]"));
    }

    [Fact]
    public async Task Dashboard_ClockTick_RedrawsNoChartButNewDataDoes()
    {
        var charts = new Dictionary<ChartRange, ChartSeriesSet> { [ChartRange.LastHour] = ChartData.ErrorRate(ChartRange.LastHour) };
        await using var host = new LiveDashboardTestHost().With(States.Fresh() with { Charts = charts });
        var page = host.Context.Render<LiveDashboard>();
        var chart = page.FindComponents<MetricChart>().Single(c => c.Instance.Metric == ChartMetric.ErrorRatePct);
        var rendersBefore = chart.RenderCount;

        host.Clock.Advance(TimeSpan.FromSeconds(3));
        page.WaitForAssertion(() => Assert.Contains("updated 3 s ago", page.Find("[data-testid=freshness]").TextContent, StringComparison.Ordinal));
        Assert.Equal(rendersBefore, chart.RenderCount);

        var newCharts = new Dictionary<ChartRange, ChartSeriesSet> { [ChartRange.LastHour] = ChartData.ErrorRate(ChartRange.LastHour) };
        host.Feed.Publish(States.Fresh() with { Charts = newCharts });
        page.WaitForAssertion(() => Assert.True(chart.RenderCount > rendersBefore, "new chart data must redraw"));
    }

    [Fact]
    public async Task Dashboard_WithoutFaultBoard_HidesTheFaultPanel()
    {
        await using var host = new LiveDashboardTestHost().With(States.Fresh());

        var page = host.Context.Render<LiveDashboard>();

        Assert.Empty(page.FindAll("[data-testid=fault-panel]"));
    }

    [Fact]
    public async Task Dashboard_Disposed_UnsubscribesFromTheFeed()
    {
        await using var host = new LiveDashboardTestHost().With(States.Fresh());
        host.Context.Render<LiveDashboard>();
        Assert.Equal(1, host.Feed.SubscriberCount);

        await host.Context.DisposeComponentsAsync();

        Assert.Equal(0, host.Feed.SubscriberCount);
    }
}
