using System.Diagnostics;
using Dashboard.Core.Audit;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Infrastructure.Persistence.Audit;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Bench;

/// <summary>
/// What the keyed audit chain costs (docs/security.md, "Audit chain"): per write, the median of <c>writes</c> real
/// appends (each its own immediate transaction on a real SQLite file) and, on the same records, the median of the
/// keyed (HMAC-SHA256) and the unkeyed (SHA-256) hash alone — the difference is what keying adds to a write; then
/// <see cref="AuditLog.VerifyAsync"/> over <c>events</c> events against a signed checkpoint, the same chain verified
/// in memory keyed and unkeyed, and the checkpoint writer's full and incremental rounds.
/// </summary>
public static class AuditChainBench
{
    public static async Task RunAsync(int writes, int events, int runs)
    {
        var folder = Directory.CreateTempSubdirectory("audit-chain-bench-").FullName;
        try
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["StateStore:ConnectionString"] = $"Data Source={Path.Combine(folder, "state.db")}",
            }).Build();
            var services = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System);
            services.AddStateStore(configuration);
            await using var provider = services.BuildServiceProvider();
            await provider.GetRequiredService<StateStoreMigrator>().MigrateAsync();
            var log = provider.GetRequiredService<AuditLog>();
            var key = provider.GetRequiredService<AuditKeySource>().Keys.Current;

            var appends = new List<double>();
            for (var i = 0; i < writes; i++)
            {
                var run = Stopwatch.StartNew();
                await log.AppendAsync(Draft(i));
                appends.Add(run.Elapsed.TotalMicroseconds);
            }

            var records = (await log.ReadAsync()).Select(e => e.ToEntry()).ToList();
            var keyed = Median(records, e => AuditChain.ComputeHash(e.Hash, e.Record, key));
            var unkeyed = Median(records, e => AuditChain.ComputeHash(e.Hash, e.Record));
            Console.WriteLine($"append (keyed, own transaction) over {writes:N0} writes: median {Median(appends):0} µs");
            Console.WriteLine($"hash alone per write: keyed (HMAC-SHA256) median {keyed:0.00} µs, unkeyed (SHA-256) median {unkeyed:0.00} µs: keying adds {keyed - unkeyed:0.00} µs, {(keyed - unkeyed) / Median(appends):P2} of an append");

            var fill = Stopwatch.StartNew();
            await FillAsync(provider, log, writes, events);
            Console.WriteLine($"wrote {events - writes:N0} more events (500 a transaction) in {fill.Elapsed.TotalSeconds:0.0} s");

            var writer = provider.GetRequiredService<AuditCheckpointWriter>();
            var first = Stopwatch.StartNew();
            var checkpoint = await writer.WriteAsync();
            Console.WriteLine($"first checkpoint (checks all {events:N0} events, then signs): {first.Elapsed.TotalMilliseconds:0} ms, head {checkpoint.Checkpoint?.Sequence:N0}");

            var verifications = new List<double>();
            AuditVerification? verification = null;
            for (var i = 0; i < runs; i++)
            {
                var run = Stopwatch.StartNew();
                verification = await log.VerifyAsync();
                verifications.Add(run.Elapsed.TotalMilliseconds);
            }

            Console.WriteLine($"VerifyAsync of {verification!.Checked:N0} events (read + keyed check + checkpoint), {runs} runs: median {Median(verifications):0} ms, intact {verification.IsIntact}");
            var all = (await log.ReadAsync()).Select(e => e.ToEntry()).ToList();
            var ring = provider.GetRequiredService<AuditKeySource>().Keys;
            var unkeyedChain = Unkeyed(all);
            var inMemoryKeyed = Time(runs, () => AuditChain.Verify(all, ring));
            var inMemoryUnkeyed = Time(runs, () => AuditChain.Verify(unkeyedChain));
            Console.WriteLine($"in memory, {all.Count:N0} events, median of {runs}: keyed {inMemoryKeyed:0} ms, unkeyed {inMemoryUnkeyed:0} ms (keying adds {inMemoryKeyed - inMemoryUnkeyed:0} ms)");

            await FillAsync(provider, log, events, events + 1000);
            var incremental = Stopwatch.StartNew();
            await writer.WriteAsync();
            Console.WriteLine($"periodic checkpoint after 1,000 new events (checks only those): {incremental.Elapsed.TotalMilliseconds:0} ms");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task FillAsync(ServiceProvider provider, AuditLog log, int from, int to)
    {
        var unitOfWork = provider.GetRequiredService<StateUnitOfWork>();
        for (var first = from; first < to; first += 500)
        {
            var last = Math.Min(first + 500, to);
            await unitOfWork.RunAsync(async db =>
            {
                for (var i = first; i < last; i++)
                {
                    await log.AppendAsync(db, Draft(i));
                }

                return true;
            });
        }
    }

    private static List<AuditEntry> Unkeyed(List<AuditEntry> chain)
    {
        var unkeyed = new List<AuditEntry>(chain.Count);
        foreach (var entry in chain)
        {
            unkeyed.Add(AuditChain.Append(unkeyed.Count == 0 ? null : unkeyed[^1], entry.Record));
        }

        return unkeyed;
    }

    private static double Median(List<AuditEntry> records, Func<AuditEntry, string> hash)
    {
        var timings = new List<double>(records.Count);
        foreach (var record in records)
        {
            var run = Stopwatch.StartNew();
            hash(record);
            timings.Add(run.Elapsed.TotalMicroseconds);
        }

        return Median(timings);
    }

    private static double Time(int runs, Func<AuditVerification> verify)
    {
        var timings = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var run = Stopwatch.StartNew();
            verify();
            timings.Add(run.Elapsed.TotalMilliseconds);
        }

        return Median(timings);
    }

    private static double Median(List<double> timings)
    {
        timings.Sort();
        return timings[timings.Count / 2];
    }

    private static AuditEventDraft Draft(int i) =>
        AuditEventDraft.For(i % 3 == 0 ? "automation (monitoring)" : "alice", "traffic.changeApplied", Guid.NewGuid(),
            new { phaseIndex = i % 4, fromPercent = 1, toPercent = 2, readBackPercent = 2, reason = "bench event" });
}
