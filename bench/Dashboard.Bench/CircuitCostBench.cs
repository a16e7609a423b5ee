using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Dashboard.TestSupport;
using Microsoft.Playwright;

namespace Dashboard.Bench;

/// <summary>
/// What an open page costs the server, and how fast the charts switch to 36 h (docs/performance.md). Over 36 h of
/// 5 s data (the checkpoint bench's: 3 segments × 3 regions × 2 cohorts) in a real influxd, the real app as a child
/// process with <see cref="StartupHook"/> loaded into it, and real Chromium: for each of <c>/</c> and <c>/warroom</c>,
/// a fresh app, 1 page open, then <c>pages</c>; after each, the managed heap left by a forced full compacting GC in the
/// app's process (the lowest of three reads). Per circuit = (heap with <c>pages</c> − heap with 1) / (<c>pages</c> − 1).
/// On the dashboard with one page open, <c>runs</c> switches 1 h → 36 h, each timed in the browser from the click to
/// the charts' new drawing in the DOM.
/// </summary>
public static class CircuitCostBench
{
    private const string ErrorChart = "[data-testid=\"chart-errorRatePct\"] [data-testid=\"time-chart\"]";

    // Resolves with the milliseconds from the click on a range to the error chart saying that range's span.
    private const string SwitchScript = """
        async ([range, minHours, maxHours]) => {
          const spanHours = () => {
            const label = document.querySelector('[data-testid="chart-errorRatePct"] [data-testid="time-chart"]')?.getAttribute('aria-label') ?? '';
            const m = /from (\w+ \d+) (\d\d:\d\d:\d\d) UTC to (\w+ \d+) (\d\d:\d\d:\d\d) UTC/.exec(label);
            if (!m) return -1;
            const year = new Date().getUTCFullYear();
            return (Date.parse(`${m[3]} ${year} ${m[4]} UTC`) - Date.parse(`${m[1]} ${year} ${m[2]} UTC`)) / 3600000;
          };
          const shown = () => { const h = spanHours(); return h >= minHours && h <= maxHours; };
          const start = performance.now();
          const done = new Promise(resolve => {
            const observer = new MutationObserver(() => { if (shown()) { observer.disconnect(); resolve(performance.now() - start); } });
            observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
          });
          document.querySelector(`[data-testid="chart-range-${range}"]`).click();
          return await Promise.race([done, new Promise((_, reject) => setTimeout(() => reject(new Error(`no ${range} chart within 60 s; the error chart says: ${document.querySelector('[data-testid="chart-errorRatePct"]')?.textContent}`)), 60000))]);
        }
        """;

    public static async Task RunAsync(int pages, int runs)
    {
        if (pages < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(pages), pages, "At least 2 pages: the cost per circuit is the difference between 1 and that many.");
        }

        await using var influx = await InfluxServer.StartAsync();
        await influx.CreateDatabaseAsync(CheckpointEvaluationBench.Database);
        var now = DateTimeOffset.UtcNow;
        var points = await CheckpointEvaluationBench.WriteAsync(influx.Url, now - TimeSpan.FromHours(36), TimeSpan.FromHours(36.1));
        Console.WriteLine($"wrote {points:N0} points (36 h of 5 s data)");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Prerequisites.Require("chromium", "sudo apt-get install -y chromium", "/usr/bin/chromium"),
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });

        foreach (var path in new[] { "/", "/warroom" })
        {
            var port = FreePort.Next();
            await using var app = await AppProcess.StartAsync(new Dictionary<string, string>
            {
                ["Influx__Url"] = influx.Url.ToString(),
                ["Influx__Database"] = CheckpointEvaluationBench.Database,
                ["Influx__Timeout"] = "00:01:00",
                ["Demo__Enabled"] = "false",
                ["DOTNET_STARTUP_HOOKS"] = typeof(StartupHook).Assembly.Location,
                [StartupHook.PortVariable] = port.ToString(CultureInfo.InvariantCulture),
            });
            await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = 1600, Height = 1000 } });
            context.SetDefaultTimeout(90_000);
            var first = await context.NewPageAsync();
            await BenchSignIn.SignInAsAdminAsync(first, app.Url);
            await OpenAsync(first, app.Url, path);
            var empty = await HeapAsync(port);
            if (path == "/")
            {
                await SwitchAsync(first, runs);
            }

            var one = await HeapAsync(port);
            for (var i = 1; i < pages; i++)
            {
                await OpenAsync(await context.NewPageAsync(), app.Url, path);
            }

            var many = await HeapAsync(port);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{path,-8} heap after a full GC: 1 page {Mb(one)} MB (before the range switches {Mb(empty)} MB), {pages} pages {Mb(many)} MB: {Mb((many - one) / (pages - 1))} MB per circuit"));
        }
    }

    /// <summary>Opens <paramref name="path"/> and waits for its live circuit and its first drawn chart line.</summary>
    internal static async Task OpenAsync(IPage page, Uri app, string path)
    {
        await page.GotoAsync(new Uri(app, path).ToString());
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
        // The prerendered page has its charts too: a click before the circuit is live would be lost.
        await page.GetByTestId("interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.Locator("[data-testid=chart-line] path").First.WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }

    private static async Task SwitchAsync(IPage page, int runs)
    {
        await page.Locator(ErrorChart).WaitForAsync();
        // Untimed: the first switch may wait for the poller's first 36 h read.
        await page.EvaluateAsync<double>(SwitchScript, new object[] { "Last36Hours", 30, 40 });
        await page.EvaluateAsync<double>(SwitchScript, new object[] { "LastHour", 0.5, 1.5 });
        var timings = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var toLong = await page.EvaluateAsync<double>(SwitchScript, new object[] { "Last36Hours", 30, 40 });
            timings.Add(toLong);
            await page.EvaluateAsync<double>(SwitchScript, new object[] { "LastHour", 0.5, 1.5 });
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"switch 1 h → 36 h {i + 1,2}: {toLong,6:0} ms"));
        }

        CheckpointEvaluationBench.Report($"1 h → 36 h range switch, click to DOM ({runs} runs)", timings);
    }

    // The lowest of three reads: a poll landing mid-read holds its result set for a moment.
    private static async Task<long> HeapAsync(int port)
    {
        var reads = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port);
            using var reader = new StreamReader(client.GetStream());
            reads.Add(long.Parse(await reader.ReadToEndAsync(), CultureInfo.InvariantCulture));
        }

        return reads.Min();
    }

    private static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("0.00", CultureInfo.InvariantCulture);
}
