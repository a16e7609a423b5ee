using Dashboard.Core.Demo;
using Dashboard.Core.Metrics;
using Dashboard.Core.Plans;

namespace Dashboard.Core.Guardrails.Sequential.Backtest;

/// <summary>
/// Replays simulated canaries of the demo's traffic model (seeded, 5 s polls, 3 segments × 3
/// regions) through the <see cref="EvidenceTrack"/> the guardrails run (its epochs included) and through the old rule on the same data, and
/// reports when each rolls back (docs/guardrails.md, "Backtest"). Deterministic for given seeds.
/// </summary>
public static class GuardrailBacktest
{
    /// <summary>The demo's poll and point interval.</summary>
    public static TimeSpan Poll { get; } = TimeSpan.FromSeconds(5);

    /// <summary>The count-ratio triggers of the built-in plans: error rate &gt; 1.5 %, P99 &gt; 250 ms, availability &lt; 99 %.</summary>
    public static IReadOnlyList<MetricCondition> Triggers { get; } =
        [.. BuiltInPlans.RollbackTriggers.Where(trigger => CountRatioLimit.TryFrom(trigger) is not null)];

    private static readonly TimeSpan DefaultHorizon = TimeSpan.FromMinutes(30);

    // 06:00 UTC: the demo's daily load curve is at its mean (1.0) and rises to 1.15 over two hours.
    private static readonly DateTimeOffset PhaseStart = new(2026, 3, 2, 6, 0, 0, TimeSpan.Zero);

    private static readonly DemoTrafficProfile Profile = new()
    {
        Segments = ["A", "B", "C"],
        Regions = ["us-east", "us-west", "eu"],
        TotalRps = BacktestScenario.TotalRps,
    };

    /// <param name="scenario">What to simulate.</param>
    /// <param name="runs">How many canaries, seeded <paramref name="firstSeed"/>, <paramref name="firstSeed"/> + 1, …</param>
    /// <param name="firstSeed">The first run's seed.</param>
    /// <param name="phaseLength">How long each canary runs unless rolled back.</param>
    /// <param name="settings">The sequential judge's settings.</param>
    /// <param name="horizon">The evidence horizon (<c>Guardrails:EvidenceHorizon</c>); null: the default, 30 min.</param>
    public static BacktestResult Run(BacktestScenario scenario, int runs, int firstSeed, TimeSpan phaseLength, SequentialSettings settings, TimeSpan? horizon = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(phaseLength, Poll);
        var sequential = new List<TimeSpan?>(runs);
        var old = new List<TimeSpan?>(runs);
        for (var run = 0; run < runs; run++)
        {
            var (bySequential, byOldRule) = RunOne(scenario, firstSeed + run, phaseLength, settings, horizon ?? DefaultHorizon);
            sequential.Add(bySequential);
            old.Add(byOldRule);
        }

        return new BacktestResult(scenario, phaseLength, DetectionSummary.Of(sequential), DetectionSummary.Of(old));
    }

    private static (TimeSpan? Sequential, TimeSpan? OldRule) RunOne(BacktestScenario scenario, int seed, TimeSpan phaseLength, SequentialSettings settings, TimeSpan horizon)
    {
        var model = new DemoTrafficModel(Profile, seed);
        var track = new EvidenceTrack(settings, Triggers, PhaseStart, Poll, horizon);
        var oldRule = new OldRuleReplay(Triggers, scenario.WeightPercent);
        TimeSpan? bySequential = null;
        TimeSpan? byOldRule = null;
        for (var age = Poll; age <= phaseLength && (bySequential is null || byOldRule is null); age += Poll)
        {
            var at = PhaseStart + age;
            var samples = model.Generate(at, Poll, scenario.WeightPercent, scenario.Effects);
            var canary = Totals(samples, Cohort.Canary);
            if (bySequential is null)
            {
                track.Observe(canary, Totals(samples, Cohort.Baseline));
                bySequential = track.Judge().Any(evidence => evidence.State == SequentialState.Regressing) ? age : null;
            }

            if (byOldRule is null && oldRule.Poll(canary, Poll, at, age))
            {
                byOldRule = age;
            }
        }

        return (bySequential, byOldRule);
    }

    // What the reader sums for one cohort over one interval; null when the cohort wrote no point.
    private static WindowTotals? Totals(IReadOnlyList<TrafficSample> samples, Cohort cohort)
    {
        var mine = samples.Where(sample => sample.Cohort == cohort).ToList();
        if (mine.Count == 0)
        {
            return null;
        }

        var buckets = new double[LatencyHistogram.BucketCount];
        foreach (var sample in mine)
        {
            for (var i = 0; i < buckets.Length; i++)
            {
                buckets[i] += sample.Latency.Cumulative[i];
            }
        }

        return WindowTotals.OfRequests(mine.Sum(s => s.Requests), mine.Sum(s => s.Errors), new LatencyHistogram(buckets)) with
        {
            ProbesOk = mine.Sum(s => s.ProbesOk),
            ProbesTotal = mine.Sum(s => s.ProbesTotal),
        };
    }
}
