using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Dashboard.Core.Checkpoints;
using Dashboard.Core.Plans;
using Dashboard.Infrastructure.Checkpoints;
using Dashboard.Infrastructure.Influx;
using Dashboard.Infrastructure.Persistence;
using Dashboard.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Bench;

/// <summary>
/// Times <see cref="CheckpointEvaluator.EvaluateAsync"/> at the last checkpoint (36 h) of the
/// three-phase plan's rollout phase over 36 h of 5 s data: 3 segments × 3 regions × 2 cohorts × the
/// five measurements of docs/schema.md (2.3 million points), written in batches into a real influxd.
/// First as a full read (no stored sums: one cold run, then <c>runs</c> timed runs); then as the scheduler
/// runs it, with a real SQLite state store: per timed run a fresh phase run whose earlier checkpoints
/// (15m … 24h) are evaluated first, in order, storing their settled sums, so the 36 h checkpoint reuses them
/// and reads only what is new. Then, per top-up run, the phase run as the app runs it on a fake clock: the background
/// top-up every <c>CheckpointEvaluation:TopUp:Interval</c> and each checkpoint 10 s after its due time, so the 36 h checkpoint
/// reads only the minutes since the last tick's settled end. Each reused evaluation is checked against the full read's values.
/// </summary>
public static class CheckpointEvaluationBench
{
    internal const string Database = "bench";
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(5);
    private static readonly string[] Segments = ["A", "B", "C"];
    private static readonly string[] Regions = ["us-east", "us-west", "eu"];
    private static readonly string[] Cohorts = ["baseline", "canary"];

    public static async Task RunAsync(int runs, int topUpRuns)
    {
        var phase = BuiltInPlans.ThreePhase.Phases[2];
        var phaseStart = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var window = CheckpointWindow.For(phase, phaseStart, phase.Checkpoints[^1]);

        await using var influx = await InfluxServer.StartAsync();
        await influx.CreateDatabaseAsync(Database);
        var written = Stopwatch.StartNew();
        var points = await WriteAsync(influx.Url, phaseStart, window.Cumulative);
        Console.WriteLine($"wrote {points:N0} points ({window.Cumulative.TotalHours} h of 5 s data) in {written.Elapsed.TotalSeconds:0.0} s");

        await using var state = await TestStateStore.CreateAsync(TimeProvider.System);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Influx:Url"] = influx.Url.ToString(),
            ["Influx:Database"] = Database,
            ["Influx:Timeout"] = "00:01:00",
            ["StateStore:ConnectionString"] = state.ConnectionString,
        }).Build();
        await using var fullRead = new ServiceCollection().AddLogging().AddInflux(configuration).AddCheckpointEvaluator(configuration).BuildServiceProvider();
        await using var reusing = new ServiceCollection().AddLogging().AddInflux(configuration).AddCheckpointEvaluator(configuration)
            .AddStateStore(configuration).BuildServiceProvider();
        var full = fullRead.GetRequiredService<CheckpointEvaluator>();
        var evaluator = reusing.GetRequiredService<CheckpointEvaluator>();
        CheckpointEvaluationRequest Request(string rollout, TimeSpan offset) =>
            new(rollout, 2, phase, offset, CheckpointWindow.For(phase, phaseStart, offset));

        var cold = Stopwatch.StartNew();
        var evaluation = await full.EvaluateAsync(Request("bench", phase.Checkpoints[^1]));
        Console.WriteLine($"cold full read: {cold.Elapsed.TotalMilliseconds:0} ms; overall {evaluation.OverallVerdict}, decision {evaluation.SuggestedDecision}");
        foreach (var criterion in evaluation.Criteria)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {criterion.Metric,-22} cumulative {criterion.CumulativeValue,10:0.####} last {criterion.LastIntervalValue,10:0.####} {criterion.Verdict,-6} samples {criterion.Samples.Count} × {criterion.SampleInterval}"));
        }

        var fullTimings = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await full.EvaluateAsync(Request("bench", phase.Checkpoints[^1]));
            fullTimings.Add(watch.Elapsed.TotalMilliseconds);
            Console.WriteLine($"full read {i + 1,2}: {watch.Elapsed.TotalMilliseconds,7:0} ms");
        }

        Report($"36 h checkpoint, full read ({runs} runs)", fullTimings);

        var expected = Json(evaluation);
        var timings = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var rollout = $"bench-{i}";
            var earlier = new List<string>();
            foreach (var offset in phase.Checkpoints.SkipLast(1))
            {
                var step = Stopwatch.StartNew();
                await evaluator.EvaluateAsync(Request(rollout, offset));
                earlier.Add($"{PlanDuration.Format(offset)} {step.Elapsed.TotalMilliseconds:0} ms");
            }

            var watch = Stopwatch.StartNew();
            var reused = await evaluator.EvaluateAsync(Request(rollout, phase.Checkpoints[^1]));
            timings.Add(watch.Elapsed.TotalMilliseconds);
            var same = Json(reused with { RolloutId = evaluation.RolloutId, EvaluatedAt = evaluation.EvaluatedAt }) == expected;
            Console.WriteLine($"reusing {i + 1,2}: {watch.Elapsed.TotalMilliseconds,7:0} ms, same values as the full read: {(same ? "yes" : "NO")} (earlier: {string.Join(", ", earlier)})");
        }

        Report($"36 h checkpoint after its phase's earlier checkpoints, reusing their settled sums ({runs} runs)", timings);

        var toppedUp = new List<double>();
        for (var i = 0; i < topUpRuns; i++)
        {
            var (elapsed, same, ticks) = await WithTopUpAsync(configuration, phase, phaseStart, $"topup-{i}", expected, evaluation);
            toppedUp.Add(elapsed);
            Console.WriteLine($"topped up {i + 1,2}: {elapsed,7:0} ms, same values as the full read: {(same ? "yes" : "NO")} ({ticks})");
        }

        if (topUpRuns > 0)
        {
            Report($"36 h checkpoint with the background top-up every {new CheckpointSumTopUpOptions().Interval:mm\\:ss} and its earlier checkpoints ({topUpRuns} runs)", toppedUp);
        }
    }

    // The phase run as the app runs it, on a fake clock: a top-up tick every Interval from the phase start, each checkpoint
    // evaluated the settle delay (10 s) after its due time; only the 36 h checkpoint is timed.
    private static async Task<(double Elapsed, bool Same, string Ticks)> WithTopUpAsync(
        IConfiguration configuration, PlanPhase phase, DateTimeOffset phaseStart, string rollout, string expected, CheckpointEvaluation full)
    {
        var clock = new FakeTimeProvider(phaseStart);
        await using var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(clock)
            .AddInflux(configuration).AddCheckpointEvaluator(configuration).AddStateStore(configuration)
            .AddSingleton<CheckpointSumTopUp>().BuildServiceProvider();
        var topUp = services.GetRequiredService<CheckpointSumTopUp>();
        var evaluator = services.GetRequiredService<CheckpointEvaluator>();
        var tick = services.GetRequiredService<IOptions<CheckpointEvaluatorOptions>>().Value.TopUp.Interval;
        var run = new PhaseRunKey(rollout, 2, phaseStart);
        var tickTimes = new List<double>();
        double elapsed = 0;
        var same = false;
        foreach (var offset in phase.Checkpoints)
        {
            var window = CheckpointWindow.For(phase, phaseStart, offset);
            var evaluateAt = window.DueAt.AddSeconds(10);
            while (clock.GetUtcNow() + tick <= evaluateAt)
            {
                clock.Advance(tick);
                var watch = Stopwatch.StartNew();
                await topUp.TopUpAsync(run, phase);
                tickTimes.Add(watch.Elapsed.TotalMilliseconds);
            }

            clock.SetUtcNow(evaluateAt);
            var timed = Stopwatch.StartNew();
            var evaluation = await evaluator.EvaluateAsync(new CheckpointEvaluationRequest(rollout, 2, phase, offset, window));
            elapsed = timed.Elapsed.TotalMilliseconds;
            same = Json(evaluation with { RolloutId = full.RolloutId, EvaluatedAt = full.EvaluatedAt }) == expected;
        }

        tickTimes.Sort();
        return (elapsed, same, string.Create(CultureInfo.InvariantCulture,
            $"{tickTimes.Count} ticks: median {tickTimes[tickTimes.Count / 2]:0} ms, p95 {tickTimes[(int)(tickTimes.Count * 0.95)]:0} ms, max {tickTimes[^1]:0} ms, total {tickTimes.Sum() / 1000:0.0} s"));
    }

    private static string Json(CheckpointEvaluation evaluation) => JsonSerializer.Serialize(evaluation, CheckpointVerdictStore.Json);

    internal static void Report(string what, List<double> timings)
    {
        timings.Sort();
        var median = timings.Count % 2 == 1 ? timings[timings.Count / 2] : (timings[(timings.Count / 2) - 1] + timings[timings.Count / 2]) / 2;
        Console.WriteLine($"{what}: median {median:0} ms, min {timings[0]:0} ms, max {timings[^1]:0} ms");
    }

    // Line protocol straight to /write (database "bench"): two writers, 200 time steps (3,600 lines) per request.
    internal static async Task<long> WriteAsync(Uri url, DateTimeOffset from, TimeSpan length)
    {
        var steps = (int)(length / Step);
        const int stepsPerBatch = 200;
        using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromMinutes(2) };
        var batches = Enumerable.Range(0, (steps + stepsPerBatch - 1) / stepsPerBatch);
        long points = 0;
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (batch, token) =>
        {
            var body = new StringBuilder();
            var lines = 0;
            for (var step = batch * stepsPerBatch; step < Math.Min(steps, (batch + 1) * stepsPerBatch); step++)
            {
                lines += AppendStep(body, step, from + (step * Step));
            }

            using var content = new StringContent(body.ToString());
            using var response = await http.PostAsync($"/write?db={Database}&precision=s", content, token);
            response.EnsureSuccessStatusCode();
            Interlocked.Add(ref points, lines);
        });
        return points;
    }

    private static int AppendStep(StringBuilder body, int step, DateTimeOffset at)
    {
        var seconds = at.ToUnixTimeSeconds();
        var lines = 0;
        foreach (var cohort in Cohorts)
        {
            var canary = cohort == "canary";
            foreach (var segment in Segments)
            {
                foreach (var region in Regions)
                {
                    var tags = $",cohort={cohort},segment={segment},region={region},service=analyzer";
                    // A little deterministic variation so intervals differ: errors and slow requests come and go.
                    var count = 50 + (step % 7);
                    var errors = (step + segment[0]) % (canary ? 40 : 60) == 0 ? 1 : 0;
                    var fast = count - (step % 5);
                    body.Append(CultureInfo.InvariantCulture,
                        $"requests{tags} count={count}i,errors={errors}i,le_10={fast / 2}i,le_25={fast}i,le_50={fast}i,le_100={count}i,le_200={count}i,le_250={count}i,le_500={count}i,le_1000={count}i,le_inf={count}i {seconds}\n");
                    body.Append(CultureInfo.InvariantCulture, $"probes{tags} ok={(step % 997 == 0 ? 9 : 10)}i,total=10i {seconds}\n");
                    body.Append(CultureInfo.InvariantCulture, $"learners{tags} active={(canary ? 60 : 540) + (step % 3)}i {seconds}\n");
                    body.Append(CultureInfo.InvariantCulture, $"business{tags} revenue={(canary ? 0.7 : 6.0) + ((step % 10) / 100.0)},sessions=3i,completions=1i,churned=0i {seconds}\n");
                    body.Append(CultureInfo.InvariantCulture,
                        $"resources{tags} cpu_pct={30 + (step % 20)}.5,mem_mb={900 + ((step % 720) / 10.0)},net_mbps=12.5,db_query_ms=3.5,cache_hits={80 + (step % 9)}i,cache_misses={10 + (step % 4)}i {seconds}\n");
                    lines += 5;
                }
            }
        }

        return lines;
    }
}
