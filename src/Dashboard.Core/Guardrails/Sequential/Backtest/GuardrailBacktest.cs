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
        var (designs, old) = Replay(scenario, runs, firstSeed, phaseLength, settings, [BacktestDesign.Monitor], withOldRule: true, horizon);
        return new BacktestResult(scenario, phaseLength, designs[0], old!);
    }

    /// <summary>
    /// Replays the same canaries through several designs side by side (one traffic simulation feeds them all), so
    /// their differences are theirs, not the seeds'. One summary per design, in their order.
    /// </summary>
    /// <param name="scenario">What to simulate.</param>
    /// <param name="runs">How many canaries, seeded <paramref name="firstSeed"/>, <paramref name="firstSeed"/> + 1, …</param>
    /// <param name="firstSeed">The first run's seed.</param>
    /// <param name="phaseLength">How long each canary runs unless rolled back.</param>
    /// <param name="settings">The sequential judge's settings.</param>
    /// <param name="designs">The variants to replay.</param>
    /// <param name="horizon">The evidence horizon; null: the default, 30 min.</param>
    public static IReadOnlyList<DetectionSummary> Compare(
        BacktestScenario scenario, int runs, int firstSeed, TimeSpan phaseLength, SequentialSettings settings, IReadOnlyList<BacktestDesign> designs, TimeSpan? horizon = null) =>
        Replay(scenario, runs, firstSeed, phaseLength, settings, designs, withOldRule: false, horizon).Designs;

    private static (IReadOnlyList<DetectionSummary> Designs, DetectionSummary? OldRule) Replay(
        BacktestScenario scenario, int runs, int firstSeed, TimeSpan phaseLength, SequentialSettings settings, IReadOnlyList<BacktestDesign> designs, bool withOldRule, TimeSpan? horizon)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(designs);
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(phaseLength, Poll);
        if (scenario.Onset.Ticks % Poll.Ticks != 0 || scenario.Onset >= phaseLength)
        {
            throw new ArgumentOutOfRangeException(nameof(scenario), scenario.Onset, "A fault's onset must be a whole number of polls within the phase.");
        }

        var times = designs.Select(_ => new List<TimeSpan?>(runs)).ToList();
        var old = new List<TimeSpan?>(runs);
        for (var run = 0; run < runs; run++)
        {
            var (bySequential, byOldRule) = RunOne(scenario, firstSeed + run, phaseLength, settings, designs, withOldRule, horizon ?? DefaultHorizon);
            for (var d = 0; d < designs.Count; d++)
            {
                times[d].Add(bySequential[d]);
            }

            old.Add(byOldRule);
        }

        return ([.. times.Select(DetectionSummary.Of)], withOldRule ? DetectionSummary.Of(old) : null);
    }

    // Times count from the onset; a rollback at or before it is a false one (zero or less).
    private static (TimeSpan?[] Sequential, TimeSpan? OldRule) RunOne(
        BacktestScenario scenario, int seed, TimeSpan phaseLength, SequentialSettings settings, IReadOnlyList<BacktestDesign> designs, bool withOldRule, TimeSpan horizon)
    {
        var model = new DemoTrafficModel(Profile, seed);
        var onset = PhaseStart + scenario.Onset;
        var tracks = designs.Select(design => design.KnowsOnset
            ? new EvidenceTrack(settings, Triggers, onset, Poll, horizon, lateStarts: design.LateStarts)
            : new EvidenceTrack(settings, Triggers, PhaseStart, Poll, horizon, lateStarts: design.LateStarts)).ToArray();
        var oldRule = new OldRuleReplay(Triggers, scenario.WeightPercent);
        var bySequential = new TimeSpan?[designs.Count];
        TimeSpan? byOldRule = null;
        var undecided = designs.Count + (withOldRule ? 1 : 0);
        for (var age = Poll; age <= phaseLength && undecided > 0; age += Poll)
        {
            var at = PhaseStart + age;
            var faulty = at - Poll >= onset;
            var samples = model.Generate(at, Poll, scenario.WeightPercent, faulty ? scenario.Effects : CanaryFaultEffects.None);
            var canary = Totals(samples, Cohort.Canary);
            var baseline = Totals(samples, Cohort.Baseline);
            for (var d = 0; d < tracks.Length; d++)
            {
                if (bySequential[d] is not null || (designs[d].KnowsOnset && !faulty))
                {
                    continue;
                }

                if (tracks[d].Observe(canary, baseline).Any(evidence => evidence.State == SequentialState.Regressing))
                {
                    bySequential[d] = at - onset;
                    undecided--;
                }
            }

            if (withOldRule && byOldRule is null && oldRule.Poll(canary, Poll, at, age))
            {
                byOldRule = at - onset;
                undecided--;
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
