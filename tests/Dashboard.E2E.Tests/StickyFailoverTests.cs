using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Dashboard.E2E.Tests.TestSupport;
using Dashboard.TestSupport;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Dashboard.E2E.Tests;

/// <summary>
/// Two real app instances on one PostgreSQL behind the shipped HAProxy front (<c>deploy/ha/haproxy.cfg</c>), and a
/// war-room TV opened through it with a kiosk link. Its circuit lives in one instance; when that instance is killed,
/// the page must come back with live data from the other one with nobody touching it (docs/high-availability.md).
/// Its own app pair, not the shared LiveApp.
/// </summary>
public sealed class StickyFailoverTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Failover = TimeSpan.FromSeconds(60);
    private readonly List<IAsyncDisposable> _started = [];
    private AppProcess _first = null!;
    private AppProcess _second = null!;
    private HaproxyFront _front = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        try
        {
            var influx = Started(await InfluxServer.StartAsync());
            var postgres = Started(await PostgresServer.StartAsync());
            var settings = new Dictionary<string, string>
            {
                ["Influx__Url"] = influx.Url.ToString(),
                ["Influx__Database"] = "failover",
                ["Demo__Enabled"] = "true",
                ["StateStore__Provider"] = "PostgreSql",
                ["StateStore__ConnectionString"] = await postgres.CreateDatabaseAsync(),
                // Every instance verifies every other's audit rows: one chain key for all (docs/high-availability.md).
                ["Audit__ChainKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
                ["ForwardedHeaders__KnownProxies__0"] = "127.0.0.1",
            };

            // One after the other: the first creates the schema and the first admin, the second finds both.
            _first = Started(await AppProcess.StartAsync(settings));
            _second = Started(await AppProcess.StartAsync(settings));
            _front = Started(await HaproxyFront.StartAsync(_first.Url, _second.Url));
            (_playwright, _browser) = await Chromium.LaunchAsync();
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        for (var i = _started.Count - 1; i >= 0; i--)
        {
            await _started[i].DisposeAsync();
        }
    }

    [Fact]
    public async Task WarRoomTv_WhenItsInstanceIsKilled_ComesBackWithLiveDataFromTheOtherInstanceByItself()
    {
        var kioskPath = await CreateKioskLinkAsync();
        await using var context = await _browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = 1920, Height = 1080 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(_front.Url, kioskPath).ToString());
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/warroom", new() { Timeout = 30_000 });
        await page.GetByTestId("interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });
        await ExpectClockTicksAsync(page);

        var servedBy = await StickyServerAsync(context);
        var (victim, survivor) = servedBy == HaproxyFront.FirstServer
            ? (_first, HaproxyFront.SecondServer)
            : (_second, HaproxyFront.FirstServer);
        // Marks this document: once it is gone, the page has been reloaded (by itself: nothing here clicks).
        await page.EvaluateAsync("() => { window.beforeFailover = true; }");
        var sinceKill = Stopwatch.StartNew();
        await victim.KillAsync();

        await Eventually.UntilAsync(
            async () => await IsNewDocumentAsync(page),
            Failover,
            "the TV reloads by itself once its instance is gone",
            () => $"front:\n{_front.Output}");
        await page.GetByTestId("interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });
        Assert.Equal(survivor, await StickyServerAsync(context));
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(_front.Url, "warroom").ToString());
        await Assertions.Expect(page.GetByTestId("reconnect")).ToBeHiddenAsync();
        await ExpectClockTicksAsync(page);
        output.WriteLine($"From SIGKILL to a live page on the other instance: {sinceKill.Elapsed.TotalSeconds:F1} s");
    }

    private async Task<string> CreateKioskLinkAsync()
    {
        using var admin = await _first.SignInAsAdminAsync();
        using var response = await admin.PostAsJsonAsync("/api/admin/kiosk-links", new { name = "war-room TV" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("path").GetString()!;
    }

    /// <summary>The clock is rendered by the page's circuit every second: a changing clock is a live circuit.</summary>
    private static async Task ExpectClockTicksAsync(IPage page)
    {
        var clock = page.GetByTestId("clock");
        var shown = await clock.TextContentAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(clock).Not.ToHaveTextAsync(shown ?? string.Empty, new() { Timeout = 15_000 });
    }

    private static async Task<string?> StickyServerAsync(IBrowserContext context) =>
        (await context.CookiesAsync()).SingleOrDefault(cookie => cookie.Name == HaproxyFront.StickyCookie)?.Value;

    private static async Task<bool> IsNewDocumentAsync(IPage page)
    {
        try
        {
            return await page.EvaluateAsync<bool>("() => window.beforeFailover === undefined && document.readyState === 'complete'");
        }
        catch (PlaywrightException)
        {
            // The page is between two documents.
            return false;
        }
    }

    private T Started<T>(T resource)
        where T : IAsyncDisposable
    {
        _started.Add(resource);
        return resource;
    }
}
