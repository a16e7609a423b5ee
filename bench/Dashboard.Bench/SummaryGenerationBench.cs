using System.Diagnostics;
using System.Text.Json;
using Dashboard.Core.Checkpoints;
using Dashboard.Core.Plans;
using Dashboard.Infrastructure.Checkpoints;
using Dashboard.Infrastructure.Influx;
using Dashboard.Infrastructure.Persistence;
using Dashboard.TestSupport;
using Dashboard.Web.Features.Rollouts;
using Dashboard.Web.Features.Summaries;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Bench;

/// <summary>
/// Times one executive summary — the 36 h milestone of the three-phase plan's 36 h rollout phase — over the same
/// 36 h of 5 s data as <see cref="CheckpointEvaluationBench"/> (2.3 million points in a real influxd), with the
/// rollout in a real state store and the phase's checkpoint verdicts stored: criteria and revenue from InfluxDB,
/// history from SQLite, then JSON and Markdown. One cold run first, then <c>runs</c> timed runs. Storing the
/// verdicts also stores the checkpoints' settled sums, which the summary reuses; on the system clock the bench's
/// data is months old, so the summary reads nothing from InfluxDB (in a live phase it reads the last few minutes).
/// </summary>
public static class SummaryGenerationBench
{
    public static async Task RunAsync(int runs)
    {
        var phase = BuiltInPlans.ThreePhase.Phases[2];
        var phaseStart = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        await using var influx = await InfluxServer.StartAsync();
        await influx.CreateDatabaseAsync(CheckpointEvaluationBench.Database);
        var points = await CheckpointEvaluationBench.WriteAsync(influx.Url, phaseStart, phase.Duration);
        Console.WriteLine($"wrote {points:N0} points ({phase.Duration.TotalHours} h of 5 s data)");

        await using var state = await TestStateStore.CreateAsync(TimeProvider.System);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Influx:Url"] = influx.Url.ToString(),
            ["Influx:Database"] = CheckpointEvaluationBench.Database,
            ["Influx:Timeout"] = "00:01:00",
            ["StateStore:ConnectionString"] = state.ConnectionString,
        }).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System);
        services.AddInflux(configuration).AddCheckpointEvaluator(configuration).AddStateStore(configuration);
        services.AddSingleton<IIncidentCounts, IncidentLogCounts>();
        services.AddOptions<RolloutClockOptions>();
        services.AddSingleton<SummaryCriteriaReader>().AddSingleton<SummaryHistory>().AddSingleton<SummaryGenerator>();
        await using var provider = services.BuildServiceProvider();

        var rollouts = provider.GetRequiredService<RolloutStore>();
        var (rollout, _) = await StoredRollouts.StartedAsync(rollouts, phaseStart.AddHours(-4));
        await StoredRollouts.SaveAsync(rollouts, rollout, r => r.Advance("alice", "beta", phaseStart.AddHours(-2)));
        await StoredRollouts.SaveAsync(rollouts, rollout, r => r.Advance("alice", "rollout", phaseStart));
        await StoreVerdictsAsync(provider, rollout.Id, phase, phaseStart);

        var generator = provider.GetRequiredService<SummaryGenerator>();
        var milestone = SummaryMilestone.Parse("36h")!;
        var loaded = (await rollouts.LoadAsync(rollout.Id))!;
        async Task<ExecutiveSummary> GenerateAsync()
        {
            var summary = await generator.GenerateAsync(loaded, 2, phaseStart, milestone, phaseStart + phase.Duration);
            _ = JsonSerializer.Serialize(summary, SummaryJson.Options);
            _ = SummaryMarkdown.Write(summary);
            return summary;
        }

        var cold = Stopwatch.StartNew();
        var first = await GenerateAsync();
        Console.WriteLine($"cold run: {cold.Elapsed.TotalMilliseconds:0} ms; {first.Status.Verdict}");
        Console.WriteLine($"  {first.Criteria.Count} criteria, {first.Decisions.Count} decisions, {first.Traffic.Count} traffic changes; revenue {first.Revenue.Value}");

        var timings = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await GenerateAsync();
            timings.Add(watch.Elapsed.TotalMilliseconds);
            Console.WriteLine($"run {i + 1,2}: {watch.Elapsed.TotalMilliseconds,7:0} ms");
        }

        CheckpointEvaluationBench.Report($"summary generation, 36 h into a 36 h phase ({runs} runs)", timings);
    }

    // Real verdicts at every checkpoint of the phase, so the summary's decisions are what a real run would list.
    private static async Task StoreVerdictsAsync(IServiceProvider provider, Guid rolloutId, PlanPhase phase, DateTimeOffset phaseStart)
    {
        var evaluator = provider.GetRequiredService<CheckpointEvaluator>();
        var verdicts = provider.GetRequiredService<CheckpointVerdictStore>();
        foreach (var offset in phase.Checkpoints)
        {
            var request = new CheckpointEvaluationRequest(rolloutId.ToString(), 2, phase, offset, CheckpointWindow.For(phase, phaseStart, offset));
            await verdicts.TryAddAsync(rolloutId, phaseStart, await evaluator.EvaluateAsync(request), "automation (checkpoints)");
        }
    }
}
