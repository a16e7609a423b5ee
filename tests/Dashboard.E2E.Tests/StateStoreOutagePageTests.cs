using System.Diagnostics;
using System.Globalization;
using System.Net;
using Dashboard.Core.Audit;
using Dashboard.E2E.Tests.TestSupport;
using Dashboard.TestSupport;
using Dashboard.Web.Shared;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Dashboard.E2E.Tests;

/// <summary>
/// One real app instance on its own PostgreSQL, and a rollout page open in a real browser while that PostgreSQL is
/// stopped and started again (docs/high-availability.md, "PostgreSQL is down"): the page says so, actions tried
/// meanwhile (a hold, opening an incident) are refused in words and the circuit lives on, and once PostgreSQL is back the page drops the banner and
/// shows a change saved after the outage, all without a touch or a reload. Its own servers and app, per test: nothing
/// else shares the server it stops.
/// </summary>
public sealed class StateStoreOutagePageTests(ITestOutputHelper output) : IAsyncLifetime
{
    // The banner follows the dependency checks (every 5 s); the rest is start-up and reconnecting under load.
    private static readonly LocatorAssertionsToBeVisibleOptions BannerShown = new() { Timeout = 30_000 };
    private static readonly LocatorAssertionsToHaveCountOptions BannerGone = new() { Timeout = 30_000 };
    private static readonly LocatorAssertionsToHaveTextOptions Seen = new() { Timeout = 30_000 };
    private static readonly LocatorAssertionsToContainTextOptions Answered = new() { Timeout = 30_000 };
    private static readonly LocatorAssertionsToBeVisibleOptions Opened = new() { Timeout = 15_000 };
    private static readonly LocatorAssertionsToHaveCountOptions Closed = new() { Timeout = 15_000 };

    private readonly List<IAsyncDisposable> _started = [];
    private PostgresServer _postgres = null!;
    private RolloutApiApp _app = null!;
    private IPlaywright? _playwright;
    private IBrowser _browser = null!;
    private bool _stopped;

    public async Task InitializeAsync()
    {
        var influx = await Start(InfluxServer.StartAsync());
        _postgres = await Start(PostgresServer.StartAsync());
        _app = await Start(RolloutApiApp.StartAsync(influx.Url, extra: new Dictionary<string, string>
        {
            ["StateStore__Provider"] = "PostgreSql",
            ["StateStore__ConnectionString"] = await _postgres.CreateDatabaseAsync(),
            ["Audit__ChainKey"] = AuditChainKey.Generate().ToBase64(),
            // The open page re-checks its session every 2 s, so the outage spans several checks (none may sign it out).
            ["Auth__RevalidationInterval"] = "00:00:02",
        }));
        (_playwright, _browser) = await Chromium.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        if (_stopped)
        {
            // Back before the clean-up, which drops nothing but must not meet a half-stopped server.
            await _postgres.RestartAsync();
        }

        // A browser assertion cannot name the app's log: this says, for one, which component's read ended a circuit.
        output.WriteLine($"App output:\n{_app?.Output}");
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        foreach (var started in Enumerable.Reverse(_started))
        {
            await started.DisposeAsync();
        }
    }

    [Fact]
    public async Task OpenRolloutPageThroughAPostgresOutage_SaysSoRefusesActionsInWordsAndShowsLiveDataAgainByItself()
    {
        var id = await _app.CreateRolloutAsync();
        await PostOkAsync($"/api/rollouts/{id}/start", new { reason = "go" });
        var stateBefore = (await _app.GetAsync($"/api/rollouts/{id}")).GetProperty("currentState").GetString();
        var page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 1000 } });
        await page.GotoAsync(new Uri(_app.Url, $"/rollouts/{id}").ToString());
        await LiveApp.SignInOnPageAsync(page, TestPeople.Admin, TestPeople.Password);
        await page.GetByTestId("interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("weight-applied")).ToHaveTextAsync("1 %", Seen);
        // Marks this document: if it is gone later, the page was reloaded (nothing here reloads it).
        await page.EvaluateAsync("() => { window.beforeOutage = true; }");
        var stateStoreProblem = page.Locator("[data-testid=dependency-problem][data-check=stateStore]");

        var clock = Stopwatch.StartNew();
        await _postgres.StopAsync();
        _stopped = true;

        await Assertions.Expect(stateStoreProblem).ToBeVisibleAsync(BannerShown);
        await Assertions.Expect(stateStoreProblem).ToContainTextAsync("State store unreachable");
        var bannerAfter = clock.Elapsed;

        // A person acts meanwhile: the dialog says nothing was changed, and the circuit lives on (Cancel still works).
        await page.GetByTestId("action-hold").ClickAsync();
        await Assertions.Expect(page.GetByTestId("action-dialog")).ToBeVisibleAsync(Opened);
        await PageFields.Field(page, "reason-input").FillAsync("hold during the outage");
        await page.GetByTestId("confirm-action").ClickAsync();

        await Assertions.Expect(page.GetByTestId("dialog-error")).ToContainTextAsync(StateStoreOutage.Refusal, Answered);
        await page.GetByTestId("cancel-action").ClickAsync();
        await Assertions.Expect(page.GetByTestId("action-dialog")).ToHaveCountAsync(0, Closed);
        // A dialog that reads the store as it opens (who opens the incident) says so too, instead of ending the circuit.
        await page.GetByTestId("open-incident").ClickAsync();
        await Assertions.Expect(page.GetByTestId("open-incident-dialog").GetByTestId("dialog-error")).ToContainTextAsync(StateStoreOutage.Refusal, Answered);
        await page.GetByTestId("cancel-incident").ClickAsync();
        await Assertions.Expect(page.GetByTestId("open-incident-dialog")).ToHaveCountAsync(0, Closed);
        await ExpectSameLiveDocumentAsync(page);

        clock.Restart();
        await _postgres.RestartAsync();
        _stopped = false;

        await Assertions.Expect(stateStoreProblem).ToHaveCountAsync(0, BannerGone);
        var bannerGoneAfter = clock.Elapsed;
        // Nothing of the refused hold was saved.
        Assert.Equal(stateBefore, (await _app.GetAsync($"/api/rollouts/{id}")).GetProperty("currentState").GetString());
        clock.Restart();
        await PostOkAsync($"/api/rollouts/{id}/traffic", new { percent = 10, reason = "after the outage" });

        await Assertions.Expect(page.GetByTestId("weight-applied")).ToHaveTextAsync("10 %", Seen);
        var changeShownAfter = clock.Elapsed;
        await ExpectSameLiveDocumentAsync(page);
        Assert.EndsWith($"/rollouts/{id}", page.Url, StringComparison.Ordinal);
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"banner {bannerAfter.TotalSeconds:0.0} s after the stop; gone {bannerGoneAfter.TotalSeconds:0.0} s after the restart; a change after it shown in {changeShownAfter.TotalSeconds:0.0} s"));
    }

    [Fact]
    public async Task PageNavigatedToDuringAPostgresOutage_SaysItCouldNotReadTheStore_AndLoadsByItselfOnceItIsBack()
    {
        var id = await _app.CreateRolloutAsync();
        var page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 1000 } });
        await page.GotoAsync(new Uri(_app.Url, "/health-checks").ToString());
        await LiveApp.SignInOnPageAsync(page, TestPeople.Admin, TestPeople.Password);
        await page.GetByTestId("interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });
        await page.EvaluateAsync("() => { window.beforeOutage = true; }");
        var outage = page.GetByTestId("state-store-outage");

        await _postgres.StopAsync();
        _stopped = true;
        await Assertions.Expect(page.Locator("[data-testid=dependency-problem][data-check=stateStore]")).ToBeVisibleAsync(BannerShown);

        // Within the circuit, as a click on the app bar goes: the rollouts page reads the store as it loads.
        await page.Locator("nav.app-bar__links").GetByRole(AriaRole.Link, new() { Name = "Rollouts" }).ClickAsync();

        await Assertions.Expect(outage).ToBeVisibleAsync(Opened);
        await Assertions.Expect(outage).ToContainTextAsync("could not read the state store");
        await ExpectSameLiveDocumentAsync(page);

        var clock = Stopwatch.StartNew();
        await _postgres.RestartAsync();
        _stopped = false;

        await Assertions.Expect(page.Locator($"[data-testid=rollout-row][data-rollout-id='{id}']")).ToBeVisibleAsync(BannerShown);
        var loadedAfter = clock.Elapsed;
        await Assertions.Expect(outage).ToHaveCountAsync(0, Closed);
        await ExpectSameLiveDocumentAsync(page);
        Assert.EndsWith("/rollouts", page.Url, StringComparison.Ordinal);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"the rollouts page loaded by itself {loadedAfter.TotalSeconds:0.0} s after the restart"));
    }

    /// <summary>The page was neither reloaded nor cut off: the same document, no reconnect notice.</summary>
    private static async Task ExpectSameLiveDocumentAsync(IPage page)
    {
        Assert.True(await page.EvaluateAsync<bool>("() => window.beforeOutage === true"), "the page was reloaded");
        await Assertions.Expect(page.GetByTestId("reconnect")).ToBeHiddenAsync();
    }

    private async Task PostOkAsync(string path, object body)
    {
        var (status, answer) = await _app.PostAsync(path, body);
        Assert.True(status == HttpStatusCode.OK, $"POST {path}: {status} {answer}\nApp output:\n{_app.Output}");
    }

    private async Task<T> Start<T>(Task<T> starting)
        where T : IAsyncDisposable
    {
        var started = await starting;
        _started.Add(started);
        return started;
    }
}
