using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Dashboard.TestSupport;
using Microsoft.Playwright;

namespace Dashboard.Bench;

/// <summary>
/// Measures, against a running <c>./run.sh --real-traffic</c>, how long a traffic change confirmed in
/// the UI takes (1) to become HAProxy's weight (polled on the runtime API), (2) to show as confirmed on
/// the acting page and on a second page in another browser context that only watches, and (3) to
/// move the measured split: the canary's share of requests over the last 15 s,
/// read through the app's own snapshot API, crossing halfway from the old weight to the new one.
/// </summary>
public static class UiTrafficLatency
{
    private const string Backend = "analyzer";
    private static readonly TimeSpan SplitWindow = TimeSpan.FromSeconds(15);

    public static async Task RunAsync(Uri appUrl, string runtimeApi, int samples, int splitSamples)
    {
        var (userName, password) = BenchSignIn.FromEnvironment();
        using var http = await WarRoomSignIn.SignInAsync(appUrl, userName, password);
        var rolloutId = await StartRolloutAsync(http);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Prerequisites.Require("chromium", "sudo apt-get install -y chromium", "/usr/bin/chromium"),
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 1200 } });
        await BenchSignIn.SignInAsync(page, appUrl, userName, password);
        await page.GotoAsync(new Uri(appUrl, $"/rollouts/{rolloutId}").ToString());
        await page.GetByTestId("interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await using var watcherContext = await browser.NewContextAsync();
        var watcher = await watcherContext.NewPageAsync();
        await BenchSignIn.SignInAsync(watcher, appUrl, userName, password);
        await watcher.GotoAsync(new Uri(appUrl, $"/rollouts/{rolloutId}").ToString());
        await watcher.GetByTestId("interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });

        var toRouter = new List<double>();
        var toPage = new List<double>();
        var toWatcher = new List<double>();
        for (var i = 0; i < samples; i++)
        {
            var target = i % 2 == 0 ? 10 : 1;
            var (_, router, shown, watched) = await ChangeAsync(page, watcher, runtimeApi, target, $"bench sample {i + 1}");
            toRouter.Add(router);
            toPage.Add(shown);
            toWatcher.Add(watched);
            Console.WriteLine(Invariant(
                $"sample {i + 1,2}: → {target,2} %  HAProxy weight after {router,6:0.0} ms, acting page shows it confirmed after {shown,6:0.0} ms, watching page after {watched,6:0.0} ms"));
            await Task.Delay(TimeSpan.FromMilliseconds(500 + Random.Shared.Next(0, 500)));
        }

        var toSplit = new List<double>();
        for (var i = 0; i < splitSamples; i++)
        {
            var current = await CurrentWeightAsync(runtimeApi);
            var target = current == 10 ? 1 : 10;
            await Task.Delay(SplitWindow + TimeSpan.FromSeconds(10)); // the window holds only the current weight's traffic
            var before = await CanarySharePctAsync(http);
            var (clickedAt, _, _, _) = await ChangeAsync(page, watcher, runtimeApi, target, $"bench split sample {i + 1}");
            var halfway = (current + target) / 2.0;
            double share;
            do
            {
                await Task.Delay(250);
                share = await CanarySharePctAsync(http) ?? double.NaN;
            }
            while (!(target > current ? share >= halfway : share <= halfway) && Now() - clickedAt < 120_000);

            // Measured from the click, like the other two figures.
            var elapsed = Now() - clickedAt;
            toSplit.Add(elapsed);
            Console.WriteLine(Invariant($"split {i + 1}: {current} % → {target} %, measured share {before:0.0} % → {share:0.0} % (halfway {halfway:0.0} %) after {elapsed:0} ms"));
        }

        Report("confirm in UI → HAProxy runs the new weight", toRouter);
        Report("confirm in UI → acting page shows it confirmed", toPage);
        Report("confirm in UI → watching page (other browser) shows it confirmed", toWatcher);
        if (toSplit.Count > 0)
        {
            Report("confirm in UI → measured split (15 s window) halfway to the new weight", toSplit);
        }
    }

    /// <summary>
    /// Changes traffic through the dialog; returns when the browser dispatched the confirm click (Unix ms)
    /// and the ms from then to HAProxy's new weight, to the acting page and to the watching page showing it applied.
    /// </summary>
    private static async Task<(double ClickedAt, double Router, double Page, double Watcher)> ChangeAsync(IPage page, IPage watcher, string runtimeApi, int target, string reason)
    {
        await page.GetByTestId("action-change-traffic").ClickAsync();
        await Field(page, "percent-input").FillAsync(target.ToString(CultureInfo.InvariantCulture));
        await Field(page, "reason-input").FillAsync(reason);
        var confirm = page.GetByTestId("confirm-action");
        await confirm.WaitForAsync();

        // The clock starts when the browser dispatches the click (not when Playwright begins its
        // actionability checks); browser and bench read the same system clock.
        await page.EvaluateAsync(
            "() => { window.__confirmAt = null; document.addEventListener('click', e => {"
            + " if (e.target.closest('[data-testid=\"confirm-action\"]')) window.__confirmAt = Date.now(); }, { capture: true, once: true }); }");
        const string ShowsApplied = "expected => document.querySelector('[data-testid=\"weight-applied\"]')?.textContent.trim() === expected"
            + " && !document.querySelector('[data-testid=\"action-dialog\"]') ? Date.now() : null";
        var waitOptions = new PageWaitForFunctionOptions { Timeout = 30_000, PollingInterval = 5 };
        var pageShows = page.WaitForFunctionAsync(ShowsApplied, $"{target} %", waitOptions);
        var watcherShows = watcher.WaitForFunctionAsync(ShowsApplied, $"{target} %", waitOptions);
        var deadline = Stopwatch.StartNew();
        await confirm.ClickAsync();
        while (await CurrentWeightAsync(runtimeApi) != target)
        {
            if (deadline.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new TimeoutException($"HAProxy did not reach {target} within 30 s.");
            }
        }

        var routerAt = Now();
        var shownAt = await (await pageShows).JsonValueAsync<double>();
        var watchedAt = await (await watcherShows).JsonValueAsync<double>();
        var clickedAt = await page.EvaluateAsync<double>("() => window.__confirmAt");
        return (clickedAt, routerAt - clickedAt, shownAt - clickedAt, watchedAt - clickedAt);
    }

    private static async Task<Guid> StartRolloutAsync(HttpClient http)
    {
        var created = await http.PostAsJsonAsync("/api/rollouts", new
        {
            service = "ultra-fast-analyzer",
            baselineVersion = "v2.9.4",
            candidateVersion = "v3.0.0-sprint-2-complete",
            planId = "three-phase",
            reason = "UI traffic latency benchmark",
        });
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await http.PostAsJsonAsync($"/api/rollouts/{id}/start", new { reason = "benchmark" })).EnsureSuccessStatusCode();
        return id;
    }

    /// <summary>The canary's share of requests over the last 15 s, from the app's snapshot API.</summary>
    private static async Task<double?> CanarySharePctAsync(HttpClient http)
    {
        var snapshot = await http.GetFromJsonAsync<JsonElement>(Invariant($"/api/metrics/snapshot?window={(int)SplitWindow.TotalSeconds}s"));
        var cohorts = snapshot.GetProperty("cohorts");
        double? Rps(string cohort) => cohorts.GetProperty(cohort).GetProperty("rps") is { ValueKind: JsonValueKind.Number } rps ? rps.GetDouble() : null;
        return (Rps("canary"), Rps("baseline")) is ({ } canary, { } baseline) && canary + baseline > 0 ? 100 * canary / (canary + baseline) : null;
    }

    private static async Task<int> CurrentWeightAsync(string runtimeApi)
    {
        var hostPort = runtimeApi.StartsWith("tcp:", StringComparison.Ordinal) ? runtimeApi[4..] : runtimeApi;
        var colon = hostPort.LastIndexOf(':');
        using var client = new TcpClient();
        await client.ConnectAsync(hostPort[..colon], int.Parse(hostPort[(colon + 1)..], CultureInfo.InvariantCulture));
        await using var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"get weight {Backend}/canary\n"));
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var answer = await reader.ReadToEndAsync();
        return int.Parse(answer.Split(' ', 2)[0], CultureInfo.InvariantCulture);
    }

    private static double Now() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    private static ILocator Field(IPage page, string testId) =>
        page.Locator($":is(input, textarea)[data-testid='{testId}'], [data-testid='{testId}'] :is(input, textarea)").First;

    private static void Report(string what, List<double> values)
    {
        var sorted = values.Order().ToList();
        var median = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        Console.WriteLine(Invariant($"{what}: median {median:0.0} ms, min {sorted[0]:0.0} ms, max {sorted[^1]:0.0} ms over {sorted.Count} samples"));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
