using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.TestSupport;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Dashboard.Bench;

/// <summary>
/// The live hub's fan-out (docs/performance.md): the real app at a 1 s poll over a real influxd holding 20 min of 5 s
/// data around now (the checkpoint bench's tags), <c>clients</c> SignalR clients on <c>/hubs/live</c> (WebSockets,
/// a Viewer API key) in this process, all on loopback. Over <c>seconds</c> each <c>state</c> message's arrival at every
/// client is stamped; a message's spread at a client is its arrival there minus its first arrival anywhere. Reports
/// the p50/p95/max spread, the messages lost (a message sent while all were connected that some client lacks), and
/// influxd's queries per poll with no client and with all of them (counted by influxd).
/// </summary>
public static class FanOutBench
{
    private static readonly string[] ViewerRole = ["Viewer"];

    public static async Task RunAsync(int clients, int seconds)
    {
        ThreadPool.SetMinThreads(Math.Max(Environment.ProcessorCount * 4, 64), 64);
        await using var influx = await InfluxServer.StartAsync();
        await influx.CreateDatabaseAsync(CheckpointEvaluationBench.Database);
        await CheckpointEvaluationBench.WriteAsync(influx.Url, DateTimeOffset.UtcNow.AddMinutes(-10), TimeSpan.FromMinutes(20));
        await using var app = await AppProcess.StartAsync(new Dictionary<string, string>
        {
            ["Influx__Url"] = influx.Url.ToString(),
            ["Influx__Database"] = CheckpointEvaluationBench.Database,
            ["Demo__Enabled"] = "false",
            ["LiveMetrics__PollInterval"] = "00:00:01",
        });
        using var http = await app.SignInAsAdminAsync();
        using var created = await http.PostAsJsonAsync("/api/admin/api-keys", new { name = "fan-out bench", roles = ViewerRole, expiresAt = DateTimeOffset.UtcNow.AddDays(1) });
        created.EnsureSuccessStatusCode();
        var token = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        using var counter = new InfluxQueryCounter(influx);

        var alone = await QueriesPerPollAsync(http, counter, TimeSpan.FromSeconds(10));
        var arrivals = Enumerable.Range(0, clients).Select(_ => new List<(string Id, long At)>()).ToArray();
        var size = 0;
        var connections = new HubConnection[clients];
        var connecting = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, clients), new ParallelOptions { MaxDegreeOfParallelism = 20 }, async (i, cancellation) =>
        {
            var hub = new HubConnectionBuilder()
                .WithUrl(new Uri(app.Url, "/hubs/live"), options =>
                {
                    options.AccessTokenProvider = () => Task.FromResult(token);
                    options.Transports = HttpTransportType.WebSockets;
                })
                .Build();
            hub.On<JsonElement>("state", message =>
            {
                var at = Stopwatch.GetTimestamp();
                if (i == 0 && size == 0)
                {
                    size = message.GetRawText().Length;
                }

                lock (arrivals[i])
                {
                    arrivals[i].Add((message.GetProperty("lastAttemptAt").GetString() ?? "none", at));
                }
            });
            await hub.StartAsync(cancellation);
            connections[i] = hub;
        });
        Console.WriteLine($"{clients} clients connected in {connecting.Elapsed.TotalSeconds:0.0} s");
        var from = Stopwatch.GetTimestamp();
        var crowded = await QueriesPerPollAsync(http, counter, TimeSpan.FromSeconds(seconds));
        var to = Stopwatch.GetTimestamp();
        // Messages still in flight at the end are not counted as lost: one more second to arrive.
        await Task.Delay(TimeSpan.FromSeconds(1));
        await Task.WhenAll(connections.Select(c => c.DisposeAsync().AsTask()));

        Report(arrivals, from, to, size);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"influxd queries per poll: {alone:0.00} with no client, {crowded:0.00} with {clients} clients"));
    }

    private static void Report(List<(string Id, long At)>[] arrivals, long from, long to, int size)
    {
        var byMessage = arrivals.SelectMany(a => a).GroupBy(a => a.Id).Select(g => (Id: g.Key, First: g.Min(a => a.At), Times: g.Select(a => a.At).ToList()))
            .Where(m => m.First >= from && m.First <= to)
            .ToList();
        if (byMessage.Count == 0)
        {
            throw new InvalidOperationException("No state message arrived while all clients were connected.");
        }

        var spreads = byMessage.SelectMany(m => m.Times.Select(t => Stopwatch.GetElapsedTime(m.First, t).TotalMilliseconds)).Order().ToList();
        var lost = byMessage.Sum(m => arrivals.Length - m.Times.Count);
        double Percentile(double p) => spreads[Math.Min(spreads.Count - 1, (int)Math.Ceiling(p * spreads.Count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{byMessage.Count} state messages of {size / 1024.0:0.0} KB to {arrivals.Length} clients: arrival spread p50 {Percentile(0.5):0} ms, p95 {Percentile(0.95):0} ms, max {spreads[^1]:0} ms; lost {lost} of {byMessage.Count * arrivals.Length}"));
    }

    /// <summary>influxd's queries (all from the app: nothing else queries it) per poll of the shared poller over <paramref name="length"/>.</summary>
    private static async Task<double> QueriesPerPollAsync(HttpClient http, InfluxQueryCounter counter, TimeSpan length)
    {
        var start = await http.GetFromJsonAsync<JsonElement>("/api/live/status");
        var startQueries = await counter.ReadAsync();
        await Task.Delay(length);
        var end = await http.GetFromJsonAsync<JsonElement>("/api/live/status");
        var endQueries = await counter.ReadAsync();
        var polls = end.GetProperty("polls").GetInt64() - start.GetProperty("polls").GetInt64();
        return polls == 0 ? throw new InvalidOperationException("The poller did not poll.") : (endQueries - startQueries) / (double)polls;
    }
}
