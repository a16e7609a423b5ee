using System.Diagnostics;
using Dashboard.Core.Plans;
using Dashboard.Core.Rollouts;
using Dashboard.Infrastructure.Influx;
using Dashboard.Infrastructure.Metrics;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Infrastructure.Persistence.Audit;
using Dashboard.TestSupport;
using Dashboard.Web.Features.BoardHistory;
using Dashboard.Web.Features.LiveMetrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Bench;

/// <summary>
/// Times the board as it was at T (docs/board-history.md): <see cref="BoardHistoryReader.ReadAsync"/> — one snapshot
/// and the four chart ranges ending at T on a real influxd holding 6 h of 5 s data (3 segments × 3 regions × 2 cohorts
/// × 5 measurements), and the rebuild of three rollouts from a SQLite audit log of ~10,000 events. One cold run, then
/// <c>runs</c> timed runs (median, min, max), and the rebuild alone.
/// </summary>
public static class BoardAtBench
{
    private const int AuditEvents = 10_000;

    public static async Task RunAsync(int runs)
    {
        var folder = Directory.CreateTempSubdirectory("board-at-bench-");
        try
        {
            await using var influx = await InfluxServer.StartAsync();
            await influx.CreateDatabaseAsync("bench");
            var written = Stopwatch.StartNew();
            var points = await CheckpointEvaluationBench.WriteAsync(influx.Url, DateTimeOffset.UtcNow.AddHours(-6), TimeSpan.FromHours(6));
            Console.WriteLine($"wrote {points:N0} points (6 h of 5 s data) in {written.Elapsed.TotalSeconds:0.0} s");

            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Influx:Url"] = influx.Url.ToString(),
                ["Influx:Database"] = "bench",
                ["Influx:Timeout"] = "00:01:00",
                ["StateStore:ConnectionString"] = $"Data Source={Path.Combine(folder.FullName, "state.db")}",
            }).Build();
            await using var services = new ServiceCollection()
                .AddLogging()
                .AddSingleton(TimeProvider.System)
                .AddInflux(configuration)
                .AddMetricsReader(configuration)
                .AddStateStore(configuration)
                .AddLiveMetrics(configuration)
                .AddBoardHistory()
                .BuildServiceProvider();
            await services.GetRequiredService<StateStoreMigrator>().MigrateAsync();
            var seeded = Stopwatch.StartNew();
            var events = await SeedAuditLogAsync(services);
            Console.WriteLine($"audited {events:N0} events for 3 rollouts in {seeded.Elapsed.TotalSeconds:0.0} s");

            var reader = services.GetRequiredService<BoardHistoryReader>();
            var at = DateTimeOffset.UtcNow;
            var cold = Stopwatch.StartNew();
            var board = await reader.ReadAsync(at, null);
            Console.WriteLine($"cold run: {cold.Elapsed.TotalMilliseconds:0} ms; following {board.Followed?.Description ?? "nothing"}, "
                + $"{board.Followed?.OpenIncidents.Count ?? 0} open incidents, canary error rate {board.Snapshot?.Cohorts.Canary.ErrorRatePct:0.###} %");

            CheckpointEvaluationBench.Report($"board at T, metrics + rebuild ({runs} runs)", await TimeAsync(runs, () => reader.ReadAsync(at, null)));
            CheckpointEvaluationBench.Report($"the rebuild alone ({runs} runs)", await TimeAsync(runs, () => reader.RebuildAsync(at)));
            var metrics = services.GetRequiredService<Dashboard.Core.Metrics.IMetricsReader>();
            CheckpointEvaluationBench.Report($"the snapshot alone ({runs} runs)", await TimeAsync(runs, () => metrics.ReadSnapshotEndingAsync(at, TimeSpan.FromMinutes(5))));
            foreach (var range in Enum.GetValues<Dashboard.Core.Metrics.ChartRange>())
            {
                CheckpointEvaluationBench.Report($"the {range} charts alone ({runs} runs)", await TimeAsync(runs, () => metrics.ReadChartsEndingAsync(range, at, 300)));
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static async Task<List<double>> TimeAsync<T>(int runs, Func<Task<T>> run)
    {
        var timings = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await run();
            timings.Add(watch.Elapsed.TotalMilliseconds);
        }

        return timings;
    }

    // Three started rollouts, then incidents, sign-offs, traffic outcomes and health checks until ~10,000 events.
    private static async Task<int> SeedAuditLogAsync(IServiceProvider services)
    {
        var store = services.GetRequiredService<RolloutStore>();
        var audit = services.GetRequiredService<AuditLog>();
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var created = Rollout.Create(Guid.NewGuid(), $"service-{i}", "1.0.0", "1.1.0", BuiltInPlans.ThreePhase, "alice", "bench", DateTimeOffset.UtcNow);
            var rollout = created.Rollout!;
            await store.CreateAsync(rollout, created.Events);
            var version = rollout.Version;
            var started = rollout.Start("alice", "go", DateTimeOffset.UtcNow);
            await store.SaveAsync(rollout, version, started.Events, TrafficChangeSource.Ui);
            ids.Add(rollout.Id);
        }

        var count = (await audit.ReadAsync()).Count;
        var incidents = new List<Guid>();
        for (var n = 0; count < AuditEvents; n++, count++)
        {
            var rolloutId = ids[n % ids.Count];
            _ = (n % 4) switch
            {
                0 => await audit.AppendAsync("monitoring", "healthCheck.recorded", rolloutId, new { verdict = "Pass", n }),
                1 => await audit.AppendAsync("bob", "signOff.recorded", rolloutId, new { signOffId = Guid.NewGuid(), phaseIndex = 0, phase = "canary", role = "EngineeringLead", decision = "Go", comment = "fine" }),
                2 => await audit.AppendAsync("carol", "incident.opened", rolloutId, new { incidentId = Remember(incidents), phaseIndex = 0, severity = "High", title = $"incident {n}", owner = "carol", dataLoss = false, text = "seen" }),
                _ => await audit.AppendAsync("carol", "incident.resolved", rolloutId, new { incidentId = incidents[^1], phaseIndex = 0, severity = "High", title = "resolved", owner = "carol", dataLoss = false, text = "fixed" }),
            };
        }

        return count;
    }

    private static Guid Remember(List<Guid> incidents)
    {
        var id = Guid.NewGuid();
        incidents.Add(id);
        return id;
    }
}
