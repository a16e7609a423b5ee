using Dashboard.E2E.Tests.TestSupport;
using Dashboard.TestSupport;
using Microsoft.Playwright;

namespace Dashboard.E2E.Tests;

/// <summary>When InfluxDB dies the page says so at once; when it returns the page recovers by itself.</summary>
public sealed class StaleRecoveryTests : IAsyncLifetime
{
    private InfluxServer _influx = null!;
    private AppProcess _app = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        _influx = await InfluxServer.StartAsync();
        _app = await AppProcess.StartAsync(new Dictionary<string, string>
        {
            ["Influx__Url"] = _influx.Url.ToString(),
            ["Influx__Database"] = "stale",
            ["Influx__MaxRetries"] = "0",
            ["Influx__Timeout"] = "00:00:01",
            ["Demo__Enabled"] = "true",
            ["Demo__Interval"] = "00:00:01",
            ["LiveMetrics__PollInterval"] = "00:00:01",
        });
        (_playwright, _browser) = await Chromium.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _app.DisposeAsync();
        await _influx.DisposeAsync();
    }

    [Fact]
    public async Task Dashboard_WhenInfluxStopsAndReturns_ShowsStaleBannerThenRecoversWithoutReload()
    {
        var page = await _browser.NewPageAsync();
        await page.GotoAsync(_app.Url.ToString());
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
        var banner = page.GetByTestId("stale-banner");
        await Assertions.Expect(banner).ToHaveCountAsync(0, new() { Timeout = 30_000 });

        await _influx.StopAsync();
        await Assertions.Expect(banner).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(banner).ToContainTextAsync("InfluxDB");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryPaths.Artifacts, "dashboard-stale.png"), FullPage = true });

        await _influx.RestartAsync();
        await Assertions.Expect(banner).ToHaveCountAsync(0, new() { Timeout = 30_000 });
    }
}
