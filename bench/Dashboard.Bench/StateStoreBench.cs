using System.Diagnostics;
using System.Globalization;
using Dashboard.Infrastructure.Persistence;
using Dashboard.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Bench;

/// <summary>
/// What a traffic change costs the state store on PostgreSQL against SQLite (docs/high-availability.md): load the
/// rollout, save the command with its audit events and the requested change, settle the change with its audit event,
/// and read the rollout back — the store's part of one operator's traffic change, without the router.
/// </summary>
internal static class StateStoreBench
{
    public static async Task RunAsync(int runs)
    {
        var sqlite = await MeasureAsync(postgres: null, runs);
        await using var server = await PostgresServer.StartAsync();
        var postgres = await MeasureAsync(server, runs);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"traffic change (save + audit + settle + read back), {runs} runs each:"));
        Report("SQLite", sqlite);
        Report("PostgreSQL", postgres);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  PostgreSQL / SQLite (median): {Median(postgres) / Median(sqlite):F2}"));
    }

    private static async Task<List<double>> MeasureAsync(PostgresServer? postgres, int runs)
    {
        var clock = new FakeTimeProvider(StoredRollouts.T0);
        await using var store = await TestStateStore.CreateAsync(clock, postgres: postgres);
        var rollouts = store.Get<RolloutStore>();
        var changes = store.Get<TrafficChangeLog>();
        var (started, _) = await StoredRollouts.StartedAsync(store);
        var times = new List<double>(runs);

        // Five untimed runs warm the connection pool and EF's compiled queries.
        for (var i = -5; i < runs; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            var watch = Stopwatch.StartNew();
            var rollout = (await rollouts.LoadAsync(started.Id))!;
            var version = rollout.Version;
            var result = rollout.ChangeTraffic(rollout.CanaryWeightPercent == 10 ? 20 : 10, "alice", "bench", clock.GetUtcNow());
            var requested = (await rollouts.SaveAsync(rollout, version, result.Events, TrafficChangeSource.Api)).Single();
            await changes.RecordOutcomeAsync(requested.Confirm(requested.ToPercent, clock.GetUtcNow()));
            var readBack = await rollouts.FindAsync(started.Id);
            watch.Stop();
            if (readBack!.CanaryWeightPercent != requested.ToPercent)
            {
                throw new InvalidOperationException($"Read back {readBack.CanaryWeightPercent} %, expected {requested.ToPercent} %.");
            }

            if (i >= 0)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        return times;
    }

    private static void Report(string engine, List<double> times)
    {
        var sorted = times.Order().ToList();
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"  {engine,-10} median {Median(times):F1} ms, p90 {sorted[(int)(sorted.Count * 0.9)]:F1} ms, max {sorted[^1]:F1} ms"));
    }

    private static double Median(List<double> times)
    {
        var sorted = times.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
