using Dashboard.Core.Metrics;
using Dashboard.Web.Features.LiveMetrics;
using Dashboard.Web.Features.LiveMetrics.Components;
using Dashboard.Web.Tests.TestSupport;

namespace Dashboard.Web.Tests.LiveMetrics;

public sealed class MetricTileGridTests
{
    private static IRenderedComponent<MetricTileGrid> RenderGrid(LiveDashboardTestHost host, LiveDashboardState state)
    {
        var freshness = DataFreshness.Evaluate(state, LiveDashboardTestHost.Start, LiveDashboardTestHost.Staleness);
        return host.Context.Render<MetricTileGrid>(p => p
            .Add(g => g.Snapshot, state.Snapshot)
            .Add(g => g.Freshness, freshness));
    }

    private static CohortMetrics CanaryWith(string metric, double? value) => metric switch
    {
        "errorRatePct" => States.HealthyCanary with { ErrorRatePct = value },
        "p99Ms" => States.HealthyCanary with { P99Ms = value },
        "availabilityPct" => States.HealthyCanary with { AvailabilityPct = value },
        "rps" => States.HealthyCanary with { Rps = value },
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "Not a per-cohort tile."),
    };

    [Theory]
    [InlineData("errorRatePct", 0.3, "Pass")]
    [InlineData("errorRatePct", 0.9, "Warn")]
    [InlineData("errorRatePct", 1.4, "Fail")]
    [InlineData("p99Ms", 150, "Pass")]
    [InlineData("p99Ms", 190, "Warn")]
    [InlineData("p99Ms", 250, "Fail")]
    [InlineData("availabilityPct", 99.99, "Pass")]
    [InlineData("availabilityPct", 99.92, "Warn")]
    [InlineData("availabilityPct", 99.5, "Fail")]
    public async Task Tile_CanaryValue_IsColouredByItsVerdict(string metric, double canary, string verdict)
    {
        await using var host = new LiveDashboardTestHost();
        var grid = RenderGrid(host, States.Fresh(States.Snapshot(canary: CanaryWith(metric, canary))));

        var tile = grid.Find($"[data-testid=tile-{metric}]");

        Assert.Equal(verdict, tile.GetAttribute("data-verdict"));
        Assert.Contains($"verdict-{verdict.ToLowerInvariant()}", tile.ClassList);
        Assert.Equal(verdict.ToUpperInvariant(), tile.QuerySelector(".tile__badge")!.TextContent);
    }

    [Fact]
    public async Task Tile_NullCanaryValue_ShowsNoDataNeverZero()
    {
        await using var host = new LiveDashboardTestHost();
        var grid = RenderGrid(host, States.Fresh(States.Snapshot(canary: States.HealthyCanary with { P99Ms = null })));

        var tile = grid.Find("[data-testid=tile-p99Ms]");

        Assert.Equal("NoData", tile.GetAttribute("data-verdict"));
        Assert.Equal("no data", grid.Find("[data-testid=tile-p99Ms-canary]").TextContent);
        Assert.Equal("120", grid.Find("[data-testid=tile-p99Ms-baseline]").TextContent);
        Assert.DoesNotContain("ms", tile.QuerySelector(".tile__primary")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tiles_WithoutSnapshot_ShowNoDataEverywhere()
    {
        await using var host = new LiveDashboardTestHost();
        var grid = RenderGrid(host, LiveDashboardState.Initial);

        var values = grid.FindAll("[data-testid$=-canary], [data-testid$=-baseline]");

        Assert.Equal(11, values.Count);
        Assert.All(values, v => Assert.Equal("no data", v.TextContent));
        Assert.Equal("NoData", grid.Find("[data-testid=tile-errorRatePct]").GetAttribute("data-verdict"));
    }

    [Theory]
    [InlineData("rps")]
    [InlineData("activeLearners")]
    public async Task Tile_MetricWithoutCriterion_IsNeutral(string metric)
    {
        await using var host = new LiveDashboardTestHost();
        var grid = RenderGrid(host, States.Fresh());

        var tile = grid.Find($"[data-testid=tile-{metric}]");

        Assert.Equal("None", tile.GetAttribute("data-verdict"));
        Assert.Contains("verdict-none", tile.ClassList);
        Assert.Equal("no threshold in this phase", grid.Find($"[data-testid=tile-{metric}-threshold]").TextContent);
    }

    [Theory]
    [InlineData("errorRatePct", "threshold < 1 %")]
    [InlineData("p99Ms", "threshold < 200 ms")]
    [InlineData("availabilityPct", "threshold > 99.9 %")]
    [InlineData("revenueImpactPct", "threshold ≥ 0 %")]
    public async Task Tile_WithCriterion_ShowsThresholdText(string metric, string text)
    {
        await using var host = new LiveDashboardTestHost();
        var grid = RenderGrid(host, States.Fresh());

        Assert.Equal(text, grid.Find($"[data-testid=tile-{metric}-threshold]").TextContent);
    }

    [Fact]
    public async Task Tiles_FormatEachMetricWithItsPrecision()
    {
        var canary = new CohortMetrics { ErrorRatePct = 0.4213, P99Ms = 187.4, AvailabilityPct = 99.95, Rps = 1234.56, ActiveLearners = 5000 };
        await using var host = new LiveDashboardTestHost();
        var grid = RenderGrid(host, States.Fresh(States.Snapshot(canary: canary, revenueImpactPct: -2)));

        Assert.Equal("0.42", grid.Find("[data-testid=tile-errorRatePct-canary]").TextContent);
        Assert.Equal("187", grid.Find("[data-testid=tile-p99Ms-canary]").TextContent);
        Assert.Equal("99.950", grid.Find("[data-testid=tile-availabilityPct-canary]").TextContent);
        Assert.Equal("1234.6", grid.Find("[data-testid=tile-rps-canary]").TextContent);
        Assert.Equal("5,000", grid.Find("[data-testid=tile-activeLearners-canary]").TextContent);
        Assert.Equal("-2.00", grid.Find("[data-testid=tile-revenueImpactPct-canary]").TextContent);
    }

    [Fact]
    public async Task RevenueImpactTile_IsOneValueJudgedByItsCriterion()
    {
        await using var host = new LiveDashboardTestHost();
        var grid = RenderGrid(host, States.Fresh(States.Snapshot(revenueImpactPct: -2)));

        Assert.Equal("Fail", grid.Find("[data-testid=tile-revenueImpactPct]").GetAttribute("data-verdict"));
        Assert.Empty(grid.FindAll("[data-testid=tile-revenueImpactPct-baseline]"));
    }

    [Fact]
    public async Task Tiles_WhenStale_AreGreyedOutWithTheAgeOfTheirValues()
    {
        await using var host = new LiveDashboardTestHost();
        var grid = RenderGrid(host, States.Stale("InfluxDB unreachable: connection refused", TimeSpan.FromSeconds(42)));

        var tiles = grid.FindAll(".tile");

        Assert.Equal(6, tiles.Count);
        Assert.All(tiles, t => Assert.Contains("tile--stale", t.ClassList));
        Assert.Equal("as of 42 s ago", grid.Find("[data-testid=tile-errorRatePct-age]").TextContent);
        Assert.Equal("0.30", grid.Find("[data-testid=tile-errorRatePct-canary]").TextContent);
    }

    [Fact]
    public async Task Tiles_WhenFresh_AreNotGreyedOut()
    {
        await using var host = new LiveDashboardTestHost();
        var grid = RenderGrid(host, States.Fresh(age: TimeSpan.FromSeconds(3)));

        Assert.Empty(grid.FindAll(".tile--stale"));
        Assert.Empty(grid.FindAll("[data-testid$=-age]"));
    }
}
