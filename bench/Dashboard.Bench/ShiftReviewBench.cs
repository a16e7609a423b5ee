using System.Diagnostics;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Infrastructure.Persistence.Audit;
using Dashboard.TestSupport;
using Dashboard.Web.Features.ShiftReview;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Bench;

/// <summary>
/// Times the handoff review's reads (docs/shift-review.md) for an 8-hour shift: the timeline plus the summary over a
/// real SQLite state store holding 3 rollouts and 10,000 audit events inside the shift (a fifth of them sign-ins and
/// other events the timeline leaves out), plus history before it. One cold run first, then <c>runs</c> timed runs.
/// </summary>
public static class ShiftReviewBench
{
    private static readonly DateTimeOffset ShiftStart = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Shift = TimeSpan.FromHours(8);

    public static async Task RunAsync(int runs, int events)
    {
        var folder = Directory.CreateTempSubdirectory("shift-review-bench-").FullName;
        try
        {
            var clock = new SettableClock { Now = ShiftStart.AddHours(-2) };
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["StateStore:ConnectionString"] = $"Data Source={Path.Combine(folder, "state.db")}",
            }).Build();
            var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(clock);
            services.AddStateStore(configuration);
            services.AddShiftReview();
            await using var provider = services.BuildServiceProvider();
            await provider.GetRequiredService<StateStoreMigrator>().MigrateAsync();

            var store = provider.GetRequiredService<RolloutStore>();
            var rollouts = new List<Guid>();
            for (var i = 0; i < 3; i++)
            {
                rollouts.Add((await StoredRollouts.StartedAsync(store, clock.Now)).Rollout.Id);
                clock.Now += TimeSpan.FromMinutes(1);
            }

            var written = Stopwatch.StartNew();
            await WriteAsync(provider, clock, rollouts, events);
            Console.WriteLine($"wrote {events:N0} audit events in an 8 h shift over {rollouts.Count} rollouts in {written.Elapsed.TotalSeconds:0.0} s");

            var timeline = provider.GetRequiredService<ShiftTimelineService>();
            var summaries = provider.GetRequiredService<ShiftSummaryService>();
            var end = ShiftStart + Shift;
            var cold = Stopwatch.StartNew();
            var entries = await timeline.ReadAsync(ShiftStart, end);
            var summary = await summaries.BuildAsync(ShiftStart, end);
            Console.WriteLine($"cold run: {cold.Elapsed.TotalMilliseconds:0} ms; {entries.Count:N0} timeline entries, {summary.Rollouts.Count} rollouts, worst: {summary.WorstMoment?.Text}");

            var timings = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                var run = Stopwatch.StartNew();
                await timeline.ReadAsync(ShiftStart, end);
                await summaries.BuildAsync(ShiftStart, end);
                timings.Add(run.Elapsed.TotalMilliseconds);
            }

            timings.Sort();
            Console.WriteLine($"timeline + summary over {runs} runs: median {timings[timings.Count / 2]:0} ms, min {timings[0]:0} ms, max {timings[^1]:0} ms (target < 1000 ms)");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    // Appended through the real audit log (hash chain and all), 500 to a transaction, spread evenly over the shift.
    private static async Task WriteAsync(ServiceProvider provider, SettableClock clock, List<Guid> rollouts, int events)
    {
        var log = provider.GetRequiredService<AuditLog>();
        var unitOfWork = provider.GetRequiredService<StateUnitOfWork>();
        var step = Shift / events;
        clock.Now = ShiftStart;
        for (var first = 0; first < events; first += 500)
        {
            var batch = Math.Min(500, events - first);
            await unitOfWork.RunAsync(async db =>
            {
                for (var i = first; i < first + batch; i++)
                {
                    await log.AppendAsync(db, Draft(i, rollouts[i % rollouts.Count]));
                    clock.Now += step;
                }

                return true;
            });
        }
    }

    private static AuditEventDraft Draft(int i, Guid rolloutId) => (i % 10) switch
    {
        0 => AuditEventDraft.For("automation (checkpoints)", "checkpoint.evaluated", rolloutId,
            new { phaseIndex = 0, phase = "canary", checkpoint = "00:15:00", verdict = i % 30 == 0 ? "Warn" : "Pass", decision = "Continue", reason = "every criterion passes" }),
        1 => AuditEventDraft.For("alice", "traffic.changeRequested", rolloutId, new { phaseIndex = 0, fromPercent = 1, toPercent = 2, reason = "more samples" }),
        2 => AuditEventDraft.For("alice", "traffic.changeApplied", rolloutId, new { phaseIndex = 0, fromPercent = 1, toPercent = 2, readBackPercent = 2 }),
        3 => AuditEventDraft.For("automation (monitoring)", "healthCheck.recorded", rolloutId,
            new { cadence = "Intensive", phaseIndex = 0, phase = "canary", verdict = i % 20 == 3 ? "Fail" : "Pass", summary = "Error rate 2.1 % > 1.5 %" }),
        4 => AuditEventDraft.For("automation (guardrails)", "guardrail.streakGrew", rolloutId,
            new { phaseIndex = 0, phase = "canary", rule = "trigger:0", condition = "Error rate > 1.5 %", count = 1 + (i % 2), required = 3, since = ShiftStart.AddSeconds(i) }),
        5 => AuditEventDraft.For("bob", "incident.opened", rolloutId, new { incidentId = Guid.NewGuid(), phaseIndex = 0, severity = i % 50 == 5 ? "Critical" : "Low", title = "Slow search", owner = "carol", dataLoss = false, text = "p99 up" }),
        6 => AuditEventDraft.For("bob", "signOff.recorded", rolloutId, new { signOffId = Guid.NewGuid(), phaseIndex = 0, phase = "canary", role = "EngineeringLead", decision = "Go", comment = "fine" }),
        7 => AuditEventDraft.For("automation (guardrails)", "guardrail.blindEnded", rolloutId, new { since = ShiftStart, endedAt = ShiftStart.AddSeconds(40), seconds = 40.0, dataBack = true }),
        _ => AuditEventDraft.For("alice", "person.signedIn", null, new { personId = Guid.NewGuid(), source = "bench" }),
    };

    private sealed class SettableClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
