using Dashboard.Core.Audit;
using Dashboard.E2E.Tests.TestSupport;
using Dashboard.TestSupport;
using Microsoft.Playwright;

namespace Dashboard.E2E.Tests;

/// <summary>
/// Two real app instances on one PostgreSQL and one Redis (docs/high-availability.md#bus), and a browser on B: a traffic
/// change saved through A shows on the rollout page that B serves, without a reload. Its own pair, not the shared app.
/// </summary>
public sealed class BusPageTests : IAsyncLifetime
{
    private static readonly LocatorAssertionsToHaveTextOptions SeenOnB = new() { Timeout = 30_000 };

    private readonly List<IAsyncDisposable> _started = [];
    private RolloutApiApp _a = null!;
    private RolloutApiApp _b = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        var influx = await Start(InfluxServer.StartAsync());
        var postgres = await Start(PostgresServer.StartAsync());
        var redis = await Start(RedisServer.StartAsync());
        var settings = new Dictionary<string, string>
        {
            ["StateStore__Provider"] = "PostgreSql",
            ["StateStore__ConnectionString"] = await postgres.CreateDatabaseAsync(),
            ["Bus__Redis"] = redis.Configuration,
            ["Audit__ChainKey"] = AuditChainKey.Generate().ToBase64(),
        };
        // A first: it creates the schema and the first admin; B then starts on them.
        _a = await Start(RolloutApiApp.StartAsync(influx.Url, extra: settings));
        _b = await Start(RolloutApiApp.StartAsync(influx.Url, extra: settings));
        var (playwright, browser) = await Chromium.LaunchAsync();
        _browser = browser;
        _started.Add(browser);
        _started.Add(new PlaywrightDisposal(playwright));
    }

    public async Task DisposeAsync()
    {
        foreach (var started in Enumerable.Reverse(_started))
        {
            await started.DisposeAsync();
        }
    }

    [Fact]
    public async Task TrafficChangeSavedThroughA_ShowsOnTheRolloutPageServedByB()
    {
        var id = await _a.CreateRolloutAsync();
        await _a.PostAsync($"/api/rollouts/{id}/start", new { reason = "go" });
        var page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 1000 } });
        await page.GotoAsync(new Uri(_b.Url, $"/rollouts/{id}").ToString());
        await LiveApp.SignInOnPageAsync(page, TestPeople.Admin, TestPeople.Password);
        await page.GetByTestId("interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Assertions.Expect(page.GetByTestId("weight-applied")).ToHaveTextAsync("1 %", SeenOnB);

        await _a.PostAsync($"/api/rollouts/{id}/traffic", new { percent = 10, reason = "more traffic" });

        await Assertions.Expect(page.GetByTestId("weight-applied")).ToHaveTextAsync("10 %", SeenOnB);
    }

    private async Task<T> Start<T>(Task<T> starting)
        where T : IAsyncDisposable
    {
        var started = await starting;
        _started.Add(started);
        return started;
    }

    private sealed class PlaywrightDisposal(IPlaywright playwright) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            playwright.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
