using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Core.Audit;
using Dashboard.TestSupport;
using Dashboard.Web.Features.LiveMetrics;
using Dashboard.Web.Features.Monitoring;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;

namespace Dashboard.Bench;

/// <summary>
/// InfluxDB's query load against instances and viewers (docs/high-availability.md#numbers): one real influxd, one
/// PostgreSQL, one Redis, one HAProxy router, all on loopback; first 1 app instance with 1 viewer, then 2 instances with
/// <c>viewers</c> each, both with the demo writing and a three-phase rollout running at 1 % (so the guardrails read
/// too), all other settings the product's defaults. A viewer is the dashboard <c>/</c> open in Chromium (or, with
/// <c>hub</c>, a <c>/hubs/live</c> client). Each instance talks to influxd through its own <see cref="InfluxQueryTap"/>,
/// which tells who asked for what. The count is influxd's own (<c>SHOW STATS</c>) over <c>minutes</c>, starting
/// <see cref="WarmUp"/> after the holder's first poll in both configurations, so the chart ranges' re-read schedule is
/// at the same phase and start-up (backfill, the first chart reads, the guardrails' growing window) is excluded.
/// </summary>
public static class InfluxQueryLoadBench
{
    /// <summary>From the holder's first poll to the count's start: every viewer is open by then; between two 5 s polls.</summary>
    private static readonly TimeSpan WarmUp = TimeSpan.FromMinutes(4) + TimeSpan.FromSeconds(2.5);

    private static readonly string[] ViewerRole = ["Viewer"];

    public static async Task RunAsync(double minutes, int viewers, bool hubClients)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minutes, 0.5);
        ArgumentOutOfRangeException.ThrowIfLessThan(viewers, 1);
        await using var influx = await InfluxServer.StartAsync();
        await using var postgres = await PostgresServer.StartAsync();
        await using var redis = await RedisServer.StartAsync();
        using var playwright = hubClients ? null : await Playwright.CreateAsync();
        await using var browser = playwright is null ? null : await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Prerequisites.Require("chromium", "sudo apt-get install -y chromium", "/usr/bin/chromium"),
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var parts = new Parts(influx, postgres, redis, browser, TimeSpan.FromMinutes(minutes));
        var alone = await MeasureAsync(parts, instances: 1, viewersEach: 1);
        var crowded = await MeasureAsync(parts, instances: 2, viewersEach: viewers);

        var viewerWord = hubClients ? "hub clients" : "pages";
        Console.WriteLine();
        Console.WriteLine($"influxd queries per minute over {minutes:0.##} min ({viewerWord}):");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {"",-48} {"1 × 1",8} {$"2 × {viewers}",8}"));
        foreach (var kind in alone.ByKind.Keys.Union(crowded.ByKind.Keys).Order(StringComparer.Ordinal))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {kind,-48} {alone.ByKind.GetValueOrDefault(kind) / minutes,8:0.00} {crowded.ByKind.GetValueOrDefault(kind) / minutes,8:0.00}"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {"all (influxd's count)",-48} {alone.Influxd / minutes,8:0.00} {crowded.Influxd / minutes,8:0.00}"));
    }

    private static async Task<Result> MeasureAsync(Parts parts, int instances, int viewersEach)
    {
        var label = $"{instances} instance{(instances == 1 ? "" : "s")} × {viewersEach} {(parts.Browser is null ? "hub client" : "page")}{(viewersEach == 1 ? "" : "s")}";
        Console.WriteLine($"--- {label}");
        var influxDatabase = await parts.Influx.CreateDatabaseAsync($"load{instances}x{viewersEach}");
        var stateStore = await parts.Postgres.CreateDatabaseAsync();
        var auditKey = AuditChainKey.Generate().ToBase64();
        await using var baseline = TinyHttpBackend.Start(HaproxyServer.BaselineServer);
        await using var canary = TinyHttpBackend.Start(HaproxyServer.CanaryServer);
        await using var haproxy = await HaproxyServer.StartAsync(baseline.Port, canary.Port);
        var cluster = new List<Instance>();
        try
        {
            Dictionary<string, string> Settings(string name, InfluxQueryTap tap) => new()
            {
                ["Cluster__InstanceName"] = name,
                ["StateStore__Provider"] = "PostgreSql",
                ["StateStore__ConnectionString"] = stateStore,
                ["Bus__Redis"] = parts.Redis.Configuration,
                ["Audit__ChainKey"] = auditKey,
                ["Influx__Url"] = tap.Url.ToString(),
                ["Influx__Database"] = influxDatabase,
                ["Demo__Enabled"] = "true",
                ["Routing__Kind"] = "Haproxy",
                ["Routing__Haproxy__RuntimeApi"] = haproxy.UnixRuntimeApi,
            };

            // The first instance takes the lease; its first poll is the clock every later step is set on.
            cluster.Add(await Instance.StartAsync("a", Settings, parts.Influx.Url));
            var holder = cluster[0];
            await Eventually.UntilAsync(async () => await holder.LeaseTextAsync() == "held by a (this instance)", TimeSpan.FromMinutes(2), "a to hold the lease");
            await Eventually.UntilAsync(async () => (await holder.LiveStatusAsync()).Polls >= 1, TimeSpan.FromMinutes(1), "a's first poll");
            var firstPoll = Stopwatch.StartNew();
            await GuardrailBenchSupport.StartRolloutAsync(holder.Http, "query load bench");
            for (var i = 1; i < instances; i++)
            {
                cluster.Add(await Instance.StartAsync(((char)('a' + i)).ToString(), Settings, parts.Influx.Url));
            }

            await Eventually.UntilAsync(
                async () => (await Task.WhenAll(cluster.Select(c => c.LeaseTextAsync()))).Skip(1).All(text => text == "held by a"),
                TimeSpan.FromMinutes(2),
                "every other instance to name a as the lease holder");

            var opening = Stopwatch.StartNew();
            await using var viewers = await Viewers.OpenAsync(parts.Browser, holder.Http, cluster, viewersEach);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{viewersEach * instances} viewers open and drawn in {opening.Elapsed.TotalSeconds:0} s, {firstPoll.Elapsed.TotalSeconds:0} s after a's first poll"));
            if (firstPoll.Elapsed < WarmUp)
            {
                await Task.Delay(WarmUp - firstPoll.Elapsed);
            }
            else
            {
                Console.WriteLine($"NOTE: the viewers took longer than the {WarmUp.TotalSeconds:0} s warm-up; the count starts now, at another phase of the chart schedule.");
            }

            using var counter = new InfluxQueryCounter(parts.Influx);
            var before = await ReadAsync(cluster, counter, viewers);
            await Task.Delay(parts.Length);
            var after = await ReadAsync(cluster, counter, viewers);
            var stale = await viewers.StaleAsync();
            if (stale.Count > 0)
            {
                throw new InvalidOperationException($"{stale.Count} viewers were not live at the end: {string.Join("; ", stale.Take(5))}");
            }

            var result = Result.Between(before, after);
            Print(label, cluster, before, after, result, parts.Length);
            return result;
        }
        finally
        {
            foreach (var instance in Enumerable.Reverse(cluster))
            {
                await instance.DisposeAsync();
            }
        }
    }

    private static async Task<Reading> ReadAsync(List<Instance> cluster, InfluxQueryCounter counter, Viewers viewers)
    {
        var influxd = await counter.ReadAsync();
        var live = await Task.WhenAll(cluster.Select(c => c.LiveStatusAsync()));
        return new Reading(
            Stopwatch.GetTimestamp(),
            File.ReadAllText("/proc/loadavg").Split(' ')[0],
            influxd,
            cluster.Select(c => c.Tap.Counts()).ToList(),
            live,
            viewers.Messages);
    }

    private static void Print(string label, List<Instance> cluster, Reading before, Reading after, Result result, TimeSpan length)
    {
        var perMinute = length.TotalMinutes;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label}: {Stopwatch.GetElapsedTime(before.At, after.At).TotalMinutes:0.00} min, load average {before.LoadAverage} → {after.LoadAverage}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  influxd answered {result.Influxd} queries ({result.Influxd / perMinute:0.00} per minute); through the taps {result.ByKind.Values.Sum()}"));
        for (var i = 0; i < cluster.Count; i++)
        {
            var kinds = after.Taps[i].Select(k => (k.Key, Count: k.Value - before.Taps[i].GetValueOrDefault(k.Key))).Where(k => k.Count > 0).OrderBy(k => k.Key, StringComparer.Ordinal).ToList();
            var polls = after.Live[i].Polls - before.Live[i].Polls;
            var chartReads = after.Live[i].ChartReads - before.Live[i].ChartReads;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {cluster[i].Name}: its poller {polls} polls, {chartReads} chart reads; its queries: {(kinds.Count > 0 ? string.Join(", ", kinds.Select(k => $"{k.Key} {k.Count}")) : "none")}"));
        }

        if (after.Messages.Count > 0)
        {
            var received = after.Messages.Select((m, i) => m - before.Messages[i]).Order().ToList();
            Console.WriteLine($"  state messages per hub client over the count: min {received[0]}, max {received[^1]}");
        }
    }

    /// <summary>The shared engines, the browser (null: hub clients) and how long to count.</summary>
    private sealed record Parts(InfluxServer Influx, PostgresServer Postgres, RedisServer Redis, IBrowser? Browser, TimeSpan Length);

    private sealed record LiveCounters(long Polls, long ChartReads);

    private sealed record Reading(long At, string LoadAverage, long Influxd, IReadOnlyList<IReadOnlyDictionary<string, long>> Taps, IReadOnlyList<LiveCounters> Live, IReadOnlyList<long> Messages);

    private sealed record Result(long Influxd, Dictionary<string, long> ByKind)
    {
        public static Result Between(Reading before, Reading after)
        {
            var byKind = new Dictionary<string, long>(StringComparer.Ordinal);
            for (var i = 0; i < after.Taps.Count; i++)
            {
                foreach (var (kind, count) in after.Taps[i])
                {
                    var delta = count - before.Taps[i].GetValueOrDefault(kind);
                    if (delta > 0)
                    {
                        byKind[kind] = byKind.GetValueOrDefault(kind) + delta;
                    }
                }
            }

            return new Result(after.Influxd - before.Influxd, byKind);
        }
    }

    /// <summary>One app instance, its tap in front of influxd and a client signed in as the first admin.</summary>
    private sealed class Instance(string name, InfluxQueryTap tap, AppProcess app, HttpClient http) : IAsyncDisposable
    {
        public string Name => name;

        public InfluxQueryTap Tap => tap;

        public AppProcess App => app;

        public HttpClient Http => http;

        public static async Task<Instance> StartAsync(string name, Func<string, InfluxQueryTap, Dictionary<string, string>> settings, Uri influx)
        {
            var tap = InfluxQueryTap.Start(influx, new LiveMetricsOptions().SnapshotWindow, new MonitoringOptions().IntensiveWindow);
            AppProcess? app = null;
            try
            {
                app = await AppProcess.StartAsync(settings(name, tap));
                return new Instance(name, tap, app, await app.SignInAsAdminAsync());
            }
            catch
            {
                if (app is not null)
                {
                    await app.DisposeAsync();
                }

                await tap.DisposeAsync();
                throw;
            }
        }

        /// <summary>What its <c>/readyz</c> says about the automation lease.</summary>
        public async Task<string?> LeaseTextAsync()
        {
            using var response = await http.GetAsync("/readyz");
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            return body.GetProperty("checks").TryGetProperty("automationLease", out var lease) ? lease.GetProperty("error").GetString() : null;
        }

        public async Task<LiveCounters> LiveStatusAsync()
        {
            var status = await http.GetFromJsonAsync<JsonElement>("/api/live/status");
            return new LiveCounters(status.GetProperty("polls").GetInt64(), status.GetProperty("chartReads").GetInt64());
        }

        public async ValueTask DisposeAsync()
        {
            http.Dispose();
            await app.DisposeAsync();
            await tap.DisposeAsync();
        }
    }

    /// <summary>The viewers of every instance: dashboard pages in one browser context per instance, or hub clients.</summary>
    private sealed class Viewers : IAsyncDisposable
    {
        private readonly List<IBrowserContext> _contexts = [];
        private readonly List<IPage> _pages = [];
        private readonly List<HubConnection> _hubs = [];
        private long[] _messages = [];

        /// <summary>The <c>state</c> messages each hub client received so far (empty for pages).</summary>
        public IReadOnlyList<long> Messages => _messages.Select((_, i) => Interlocked.Read(ref _messages[i])).ToList();

        public static async Task<Viewers> OpenAsync(IBrowser? browser, HttpClient admin, List<Instance> cluster, int each)
        {
            var viewers = new Viewers();
            try
            {
                if (browser is null)
                {
                    await viewers.ConnectHubClientsAsync(admin, cluster, each);
                }
                else
                {
                    await viewers.OpenPagesAsync(browser, cluster, each);
                }

                return viewers;
            }
            catch
            {
                await viewers.DisposeAsync();
                throw;
            }
        }

        /// <summary>The pages whose freshness says stale, or that never got a first state, with what they say.</summary>
        public async Task<List<string>> StaleAsync()
        {
            var stale = new List<string>();
            foreach (var page in _pages)
            {
                var freshness = page.GetByTestId("freshness").First;
                var text = (await freshness.TextContentAsync())?.Trim();
                if ((await freshness.GetAttributeAsync("class"))?.Contains("freshness--stale", StringComparison.Ordinal) != false || text == "waiting for first data")
                {
                    stale.Add($"{page.Url}: {text}");
                }
            }

            return stale;
        }

        public async ValueTask DisposeAsync()
        {
            await Task.WhenAll(_hubs.Select(h => h.DisposeAsync().AsTask()));
            foreach (var context in _contexts)
            {
                await context.DisposeAsync();
            }
        }

        private async Task OpenPagesAsync(IBrowser browser, List<Instance> cluster, int each)
        {
            foreach (var instance in cluster)
            {
                var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = 1600, Height = 1000 } });
                _contexts.Add(context);
                context.SetDefaultTimeout(120_000);
                for (var i = 0; i < each; i++)
                {
                    var page = await context.NewPageAsync();
                    if (i == 0)
                    {
                        await BenchSignIn.SignInAsAdminAsync(page, instance.App.Url);
                    }

                    await CircuitCostBench.OpenAsync(page, instance.App.Url, "/");
                    _pages.Add(page);
                }
            }
        }

        private async Task ConnectHubClientsAsync(HttpClient admin, List<Instance> cluster, int each)
        {
            using var created = await admin.PostAsJsonAsync("/api/admin/api-keys", new { name = "query load bench", roles = ViewerRole, expiresAt = DateTimeOffset.UtcNow.AddDays(1) });
            created.EnsureSuccessStatusCode();
            var token = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
            _messages = new long[cluster.Count * each];
            foreach (var instance in cluster)
            {
                for (var i = 0; i < each; i++)
                {
                    var slot = _hubs.Count;
                    var hub = new HubConnectionBuilder()
                        .WithUrl(new Uri(instance.App.Url, "/hubs/live"), options =>
                        {
                            options.AccessTokenProvider = () => Task.FromResult(token);
                            options.Transports = HttpTransportType.WebSockets;
                        })
                        .Build();
                    hub.On<JsonElement>("state", _ => Interlocked.Increment(ref _messages[slot]));
                    _hubs.Add(hub);
                    await hub.StartAsync();
                }
            }

            // Each client has had a state: the follower's from the bus.
            await Eventually.UntilAsync(() => Messages.All(m => m > 0), TimeSpan.FromMinutes(1), "a state message at every hub client");
        }
    }
}
