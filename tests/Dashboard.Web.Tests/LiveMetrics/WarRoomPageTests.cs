using Dashboard.Web.Components;
using Dashboard.Web.Tests.TestSupport;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.LiveMetrics;

public sealed class WarRoomPageTests
{
    // Through the router, so that each page gets the layout it declares.
    private static IRenderedComponent<Routes> Navigate(LiveDashboardTestHost host, string uri)
    {
        host.Context.Services.GetRequiredService<NavigationManager>().NavigateTo(uri);
        return host.Context.Render<Routes>();
    }

    [Fact]
    public async Task WarRoom_RendersEveryTileWithoutAppBarOrButtons()
    {
        await using var host = (await LiveDashboardTestHost.WithDemoFaultsAsync()).With(States.Fresh());

        var page = Navigate(host, "/warroom");

        Assert.NotNull(page.Find(".kiosk"));
        Assert.Empty(page.FindAll("[data-testid=app-bar]"));
        Assert.Empty(page.FindAll("button"));
        string[] metrics = ["errorRatePct", "p99Ms", "availabilityPct", "rps", "activeLearners", "revenueImpactPct"];
        Assert.All(metrics, m => Assert.NotNull(page.Find($"[data-testid=tile-{m}]")));
        Assert.Equal("0.30", page.Find("[data-testid=tile-errorRatePct-canary]").TextContent);
        Assert.Equal(2, page.FindAll("[data-testid^=chart-]").Count(e => e.ClassList.Contains("chart-card")));
    }

    [Fact]
    public async Task Dashboard_RendersInsideTheAppBarLayout()
    {
        await using var host = new LiveDashboardTestHost().With(States.Fresh());

        var page = Navigate(host, "/");

        Assert.NotNull(page.Find("[data-testid=app-bar]"));
        Assert.Empty(page.FindAll(".kiosk"));
        Assert.NotNull(page.Find("[data-testid=tile-errorRatePct]"));
    }

    [Fact]
    public async Task WarRoom_StaleState_ShowsBannerAndTurnsFreshWhenThePollerRecovers()
    {
        await using var host = new LiveDashboardTestHost().With(States.Stale("InfluxDB unreachable: connection refused", TimeSpan.FromSeconds(30)));
        var page = Navigate(host, "/warroom");
        Assert.Equal("InfluxDB unreachable: connection refused", page.Find("[data-testid=stale-reason]").TextContent);

        host.Feed.Publish(States.Fresh());

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=stale-banner]")));
    }
}
