using Dashboard.E2E.Tests.TestSupport;
using Dashboard.TestSupport;
using Microsoft.Playwright;

namespace Dashboard.E2E.Tests;

/// <summary>When InfluxDB dies the page says so at once; when it returns the page recovers by itself.</summary>
public sealed class StaleRecoveryTests : IAsyncLifetime
{
    private LiveApp _live = null!;

    public async Task InitializeAsync() => _live = await LiveApp.StartAsync("stale", new Dictionary<string, string>
    {
        ["Influx__MaxRetries"] = "0",
        ["Influx__Timeout"] = "00:00:01",
        ["Demo__Enabled"] = "true",
        ["Demo__Interval"] = "00:00:01",
        ["LiveMetrics__PollInterval"] = "00:00:01",
    });

    public async Task DisposeAsync() => await _live.DisposeAsync();

    [Fact]
    public async Task Dashboard_WhenInfluxStopsAndReturns_ShowsStaleBannerThenRecoversWithoutReload()
    {
        var page = await _live.OpenAsync("/");
        var banner = page.GetByTestId("stale-banner");
        await Assertions.Expect(banner).ToHaveCountAsync(0, new() { Timeout = 30_000 });

        await _live.Influx.StopAsync();
        await Assertions.Expect(banner).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(banner).ToContainTextAsync("InfluxDB");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryPaths.Artifacts, "dashboard-stale.png"), FullPage = true });

        await _live.Influx.RestartAsync();
        await Assertions.Expect(banner).ToHaveCountAsync(0, new() { Timeout = 30_000 });
    }
}
