using System.Diagnostics;
using System.Globalization;
using System.Text;
using Dashboard.Core.Checkpoints;
using Dashboard.Core.Plans;
using Dashboard.Infrastructure.Checkpoints;
using Dashboard.Infrastructure.Influx;
using Dashboard.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Bench;

/// <summary>
/// Times <see cref="CheckpointEvaluator.EvaluateAsync"/> at the last checkpoint (36 h) of the
/// three-phase plan's rollout phase over 36 h of 5 s data: 3 segments × 3 regions × 2 cohorts × the
/// five measurements of docs/schema.md (2.3 million points), written in batches into a real influxd.
/// One cold run first, then <c>runs</c> timed runs (median, min, max).
/// </summary>
public static class CheckpointEvaluationBench
{
    internal const string Database = "bench";
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(5);
    private static readonly string[] Segments = ["A", "B", "C"];
    private static readonly string[] Regions = ["us-east", "us-west", "eu"];
    private static readonly string[] Cohorts = ["baseline", "canary"];

    public static async Task RunAsync(int runs)
    {
        var phase = BuiltInPlans.ThreePhase.Phases[2];
        var phaseStart = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var window = CheckpointWindow.For(phase, phaseStart, phase.Checkpoints[^1]);

        await using var influx = await InfluxServer.StartAsync();
        await influx.CreateDatabaseAsync(Database);
        var written = Stopwatch.StartNew();
        var points = await WriteAsync(influx.Url, phaseStart, window.Cumulative);
        Console.WriteLine($"wrote {points:N0} points ({window.Cumulative.TotalHours} h of 5 s data) in {written.Elapsed.TotalSeconds:0.0} s");

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Influx:Url"] = influx.Url.ToString(),
            ["Influx:Database"] = Database,
            ["Influx:Timeout"] = "00:01:00",
        }).Build();
        await using var services = new ServiceCollection().AddLogging().AddInflux(configuration).AddCheckpointEvaluator(configuration).BuildServiceProvider();
        var evaluator = services.GetRequiredService<CheckpointEvaluator>();
        var request = new CheckpointEvaluationRequest("bench", 2, phase, phase.Checkpoints[^1], window);

        var cold = Stopwatch.StartNew();
        var evaluation = await evaluator.EvaluateAsync(request);
        Console.WriteLine($"cold run: {cold.Elapsed.TotalMilliseconds:0} ms; overall {evaluation.OverallVerdict}, decision {evaluation.SuggestedDecision}");
        foreach (var criterion in evaluation.Criteria)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {criterion.Metric,-22} cumulative {criterion.CumulativeValue,10:0.####} last {criterion.LastIntervalValue,10:0.####} {criterion.Verdict,-6} samples {criterion.Samples.Count} × {criterion.SampleInterval}"));
        }

        var timings = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await evaluator.EvaluateAsync(request);
            timings.Add(watch.Elapsed.TotalMilliseconds);
            Console.WriteLine($"run {i + 1,2}: {watch.Elapsed.TotalMilliseconds,7:0} ms");
        }

        Report($"checkpoint evaluation over 36 h ({runs} runs)", timings);

        // The same statements alone, to tell InfluxDB's share from the evaluator's.
        var query = string.Join(";\n", evaluation.Criteria.Select(criterion => criterion.Query).OfType<string>().Distinct());
        var client = services.GetRequiredService<IInfluxClient>();
        var queryTimings = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await client.QueryAsync(query);
            queryTimings.Add(watch.Elapsed.TotalMilliseconds);
        }

        Report($"its InfluxDB request alone ({runs} runs)", queryTimings);
    }

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
