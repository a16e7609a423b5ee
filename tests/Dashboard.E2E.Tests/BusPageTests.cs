using Dashboard.Core.Audit;
using Dashboard.E2E.Tests.TestSupport;
using Dashboard.TestSupport;
using Microsoft.Playwright;

namespace Dashboard.E2E.Tests;

/// <summary>
/// Two real app instances on one PostgreSQL and one Redis (docs/high-availability.md#bus), and a browser on B: a traffic
/// change saved through A shows on the rollout page that B serves, without a reload; and while PostgreSQL is down the
/// page says so, stays signed in, and goes on by itself once it is back. Its own pair and servers, not the shared app.
/// </summary>
public sealed class BusPageTests : IAsyncLifetime
{
    private static readonly LocatorAssertionsToHaveTextOptions SeenOnB = new() { Timeout = 30_000 };

    private readonly List<IAsyncDisposable> _started = [];
    private PostgresServer _postgres = null!;
    private RolloutApiApp _a = null!;
    private RolloutApiApp _b = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        var influx = await Start(InfluxServer.StartAsync());
        var postgres = _postgres = await Start(PostgresServer.StartAsync());
        var redis = await Start(RedisServer.StartAsync());
        var settings = new Dictionary<string, string>
        {
            ["StateStore__Provider"] = "PostgreSql",
            ["StateStore__ConnectionString"] = await postgres.CreateDatabaseAsync(),
            ["Bus__Redis"] = redis.Configuration,
            ["Audit__ChainKey"] = AuditChainKey.Generate().ToBase64(),
            // Open pages re-check their session every 2 s, so that an outage of a few seconds spans several checks.
            ["Auth__RevalidationInterval"] = "00:00:02",
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

    [Fact]
    public async Task PostgresDown_ThePageSaysSoAndStaysSignedIn_AndOnceItIsBackGoesOnByItself()
    {
        var id = await _a.CreateRolloutAsync();
        await _a.PostAsync($"/api/rollouts/{id}/start", new { reason = "go" });
        var page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 1000 } });
        await page.GotoAsync(new Uri(_b.Url, $"/rollouts/{id}").ToString());
        await LiveApp.SignInOnPageAsync(page, TestPeople.Admin, TestPeople.Password);
        await page.GetByTestId("interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Assertions.Expect(page.GetByTestId("weight-applied")).ToHaveTextAsync("1 %", SeenOnB);
        var stateStoreProblem = page.Locator("[data-testid=dependency-problem][data-check=stateStore]");

        await _postgres.StopAsync();

        // The banner comes within one check of the dependencies (5 s), by which time the session was re-checked twice.
        await Assertions.Expect(stateStoreProblem).ToContainTextAsync("State store unreachable", new() { Timeout = 30_000 });
        await _postgres.RestartAsync();

        await Assertions.Expect(stateStoreProblem).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        await _a.PostAsync($"/api/rollouts/{id}/traffic", new { percent = 10, reason = "after the outage" });
        await Assertions.Expect(page.GetByTestId("weight-applied")).ToHaveTextAsync("10 %", SeenOnB);
        Assert.EndsWith($"/rollouts/{id}", page.Url, StringComparison.Ordinal);
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
