using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Core.Audit;
using Dashboard.TestSupport;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;

namespace Dashboard.Bench;

/// <summary>
/// Cross-instance propagation (docs/high-availability.md#bus): two real app instances A and B on one PostgreSQL and one
/// Redis, all on loopback. <c>runs</c> traffic changes are saved through A's REST API; for each, the time from sending
/// the request until (1) the answer comes back (the save), (2) a <c>/hubs/live</c> client connected to B gets the
/// rollout at the new weight, (3) the rollout page served by B shows it in Chromium. Both (2) and (3) go over the bus
/// alone: B receives the rollout's id on Redis, re-reads the rollout from PostgreSQL, then sends it to its own hub
/// clients and re-renders its own pages (there is no SignalR backplane). Median, p90, p95 and max of each.
/// </summary>
public static class BusPropagationBench
{
    private static readonly string[] ViewerRole = ["Viewer"];

    public static async Task RunAsync(int runs)
    {
        await using var influx = await InfluxServer.StartAsync();
        await using var postgres = await PostgresServer.StartAsync();
        await using var redis = await RedisServer.StartAsync();
        var settings = new Dictionary<string, string>
        {
            ["StateStore__Provider"] = "PostgreSql",
            ["StateStore__ConnectionString"] = await postgres.CreateDatabaseAsync(),
            ["Bus__Redis"] = redis.Configuration,
            ["Audit__ChainKey"] = AuditChainKey.Generate().ToBase64(),
        };
        await using var a = await RolloutApiApp.StartAsync(influx.Url, extra: settings);
        await using var b = await RolloutApiApp.StartAsync(influx.Url, extra: settings);

        using var created = await a.Http.PostAsJsonAsync("/api/admin/api-keys", new { name = "bus bench", roles = ViewerRole, expiresAt = DateTimeOffset.UtcNow.AddDays(1) });
        created.EnsureSuccessStatusCode();
        var token = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        var applied = new Dictionary<int, long>();
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(b.Url, "/hubs/live"), options =>
            {
                options.AccessTokenProvider = () => Task.FromResult(token);
                options.Transports = HttpTransportType.WebSockets;
            })
            .Build();
        hub.On<JsonElement>("rollout", rollout =>
        {
            var at = Stopwatch.GetTimestamp();
            lock (applied)
            {
                applied.TryAdd(rollout.GetProperty("appliedWeightPercent").GetInt32(), at);
            }
        });
        await hub.StartAsync();

        var id = await a.CreateRolloutAsync();
        await a.PostAsync($"/api/rollouts/{id}/start", new { reason = "bench" });
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Prerequisites.Require("chromium", "sudo apt-get install -y chromium", "/usr/bin/chromium"),
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(b.Url, $"/rollouts/{id}").ToString());
        await page.GetByTestId("sign-in-user").FillAsync(TestPeople.Admin);
        await page.GetByTestId("sign-in-password").FillAsync(TestPeople.Password);
        await page.GetByTestId("sign-in-submit").ClickAsync();
        await page.GetByTestId("interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });

        var saved = new List<double>();
        var toHub = new List<double>();
        var toPage = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            var percent = 2 + run;
            var start = Stopwatch.GetTimestamp();
            var (status, _) = await a.PostAsync($"/api/rollouts/{id}/traffic", new { percent, reason = "bench" });
            saved.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            if (!status.Equals(System.Net.HttpStatusCode.OK))
            {
                throw new InvalidOperationException($"traffic change to {percent} %: {status}");
            }

            await page.WaitForFunctionAsync(
                "p => document.querySelector('[data-testid=weight-applied]')?.textContent.trim() === p + ' %'",
                percent,
                new() { PollingInterval = 5, Timeout = 30_000 });
            toPage.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            var deadline = DateTime.UtcNow.AddSeconds(30);
            long arrived;
            while (true)
            {
                lock (applied)
                {
                    if (applied.TryGetValue(percent, out arrived))
                    {
                        break;
                    }
                }

                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"B's hub client never got {percent} %");
                }

                await Task.Delay(5);
            }

            toHub.Add(Stopwatch.GetElapsedTime(start, arrived).TotalMilliseconds);
        }

        Console.WriteLine($"{runs} traffic changes saved through A, clock from sending the request:");
        Print("A answers (saved)", saved);
        Print("B's /hubs/live client gets it", toHub);
        Print("B's rollout page shows it", toPage);
    }

    private static void Print(string what, List<double> values)
    {
        var sorted = values.Order().ToList();
        double Percentile(double p) => sorted[(int)Math.Ceiling(sorted.Count * p) - 1];
        Console.WriteLine($"  {what}: median {sorted[sorted.Count / 2]:0} ms, p90 {Percentile(0.9):0} ms, p95 {Percentile(0.95):0} ms, max {sorted[^1]:0} ms");
    }
}
