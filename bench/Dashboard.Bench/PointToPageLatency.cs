using System.Diagnostics;
using System.Globalization;
using Dashboard.TestSupport;
using Microsoft.Playwright;

namespace Dashboard.Bench;

/// <summary>
/// Measures the time from a point written to InfluxDB to its value on the dashboard page: the real
/// app (default 5 s poll), real influxd, real Chromium. Each sample writes one canary
/// <c>requests</c> point with a distinct count into an otherwise empty 10 s window and waits until
/// the canary RPS tile shows count / 10.
/// </summary>
public static class PointToPageLatency
{
    public static async Task RunAsync(int samples, TimeSpan pollInterval)
    {
        await using var influx = await InfluxServer.StartAsync();
        await influx.CreateDatabaseAsync("bench");
        await using var app = await AppProcess.StartAsync(new Dictionary<string, string>
        {
            ["Influx__Url"] = influx.Url.ToString(),
            ["Influx__Database"] = "bench",
            ["Demo__Enabled"] = "false",
            ["LiveMetrics__PollInterval"] = pollInterval.ToString("c", CultureInfo.InvariantCulture),
            ["LiveMetrics__SnapshotWindow"] = "00:00:10",
        });
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Prerequisites.Require("chromium", "sudo apt-get install -y chromium", "/usr/bin/chromium"),
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await browser.NewPageAsync();
        await BenchSignIn.SignInAsAdminAsync(page, app.Url);
        await page.GotoAsync(app.Url.ToString());
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
        await page.GetByTestId("tile-rps-canary").WaitForAsync();

        using var http = new HttpClient { BaseAddress = influx.Url };
        var latencies = new List<double>();
        for (var i = 0; i < samples; i++)
        {
            // Let the previous sample's point leave the 10 s window.
            await Task.Delay(TimeSpan.FromSeconds(11) + TimeSpan.FromMilliseconds(Random.Shared.Next(0, 5000)));
            var count = 1000 + (i * 10);
            var expected = (count / 10.0).ToString("0.0", CultureInfo.InvariantCulture);
            var now = DateTimeOffset.UtcNow;
            var line = $"requests,cohort=canary,segment=A,region=eu,service=bench count={count}i,errors=0i,le_10=0i,le_25=0i,le_50={count}i,le_100={count}i,le_200={count}i,le_250={count}i,le_500={count}i,le_1000={count}i,le_inf={count}i {now.ToUnixTimeMilliseconds()}";
            var watch = Stopwatch.StartNew();
            using var content = new StringContent(line);
            using var response = await http.PostAsync("/write?db=bench&precision=ms", content);
            response.EnsureSuccessStatusCode();
            await page.WaitForFunctionAsync(
                "expected => document.querySelector('[data-testid=\"tile-rps-canary\"]')?.textContent.trim() === expected",
                expected,
                new PageWaitForFunctionOptions { Timeout = 60_000, PollingInterval = 20 });
            latencies.Add(watch.Elapsed.TotalMilliseconds);
            Console.WriteLine($"sample {i + 1,2}: {watch.Elapsed.TotalMilliseconds,7:0} ms");
        }

        latencies.Sort();
        var median = samples % 2 == 1 ? latencies[samples / 2] : (latencies[(samples / 2) - 1] + latencies[samples / 2]) / 2;
        Console.WriteLine($"point → page, poll {pollInterval.TotalSeconds:0.#} s, {samples} samples: median {median:0} ms, min {latencies[0]:0} ms, max {latencies[^1]:0} ms");
    }
}
