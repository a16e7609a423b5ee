using Dashboard.Core.Metrics;
using Dashboard.Core.Plans;
using Dashboard.Core.Rollouts;

namespace Dashboard.Core.Guardrails.Sequential.Backtest;

/// <summary>
/// The guardrail rule before the sequential judge, replayed with the existing Core code as the
/// monitor calls it at its defaults (docs/guardrails.md): a window of 30 s that grows to hold 500
/// canary requests (up to 5 min, never before the phase start, blind while it holds fewer),
/// <see cref="GuardrailEvaluator"/> on the window's canary values, <see cref="GuardrailStreaks"/>, and
/// <see cref="GuardrailJudge"/> with 3 polls in a row. Data arrives without delay, one point per interval.
/// </summary>
internal sealed class OldRuleReplay
{
    private const int MinCanaryRequests = 500;
    private const int ConsecutiveBreaches = 3;
    private const int Fields = 4 + LatencyHistogram.BucketCount;
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan MaxWindow = TimeSpan.FromMinutes(5);
    private static readonly Guid RolloutId = new("5e9c1d2a-7b3f-4c8e-9a6d-1f2e3d4c5b6a");

    private readonly PlanPhase _phase;
    private readonly int _weightPercent;
    private readonly GuardrailStreaks _streaks = new();

    // Running sums of the canary's counts after each interval (requests, errors, probes ok, probes, buckets), so a window is one subtraction.
    private readonly List<double[]> _prefix = [new double[Fields]];
    private double? _lastCanaryRps;

    public OldRuleReplay(IReadOnlyList<MetricCondition> triggers, double weightPercent)
    {
        _phase = new PlanPhase("canary", (int)Math.Ceiling(weightPercent), null, TimeSpan.FromHours(2), [], [], triggers, [], PhaseGate.AutoAdvance);
        _weightPercent = _phase.TrafficPercent;
    }

    /// <summary>Adds the interval that just ended and polls; true when the rule rolls back.</summary>
    /// <param name="canary">The canary's totals of the interval (null: nothing written).</param>
    /// <param name="interval">The interval's length.</param>
    /// <param name="at">The poll's time.</param>
    /// <param name="phaseAge">Time since the phase started.</param>
    public bool Poll(WindowTotals? canary, TimeSpan interval, DateTimeOffset at, TimeSpan phaseAge)
    {
        Append(canary);
        if (GuardrailWindow.For(Window, MaxWindow, MinCanaryRequests, _lastCanaryRps, phaseAge) is not { } window)
        {
            // Less judged data than the shortest window: the monitor judges nothing yet.
            return false;
        }

        var intervals = Math.Min(_prefix.Count - 1, (int)Math.Ceiling(window / interval));
        var metrics = Sum(intervals).ToMetrics(window, null);
        _lastCanaryRps = metrics.Rps;
        var snapshot = new MetricsSnapshot(at, (int)Math.Round(window.TotalSeconds), null, CohortPair.Empty with { Canary = metrics }, new Dictionary<string, CohortPair>(), new Dictionary<string, CohortPair>());
        Func<string, double?> valueOf = GuardrailWindow.HoldsEnough(MinCanaryRequests, _lastCanaryRps, window)
            ? key => MetricCatalog.Find(key)?.SnapshotValue(snapshot)
            : _ => null;
        var observations = GuardrailEvaluator.Observe(_phase, valueOf);
        var streaks = _streaks.Record(RolloutId, "0", observations, at);
        return GuardrailJudge.Decide(PhaseState.Running, _weightPercent, observations, streaks, ConsecutiveBreaches)?.Kind == GuardrailDecisionKind.RollBack;
    }

    private void Append(WindowTotals? canary)
    {
        var sums = (double[])_prefix[^1].Clone();
        if (canary is not null)
        {
            sums[0] += canary.Requests ?? 0;
            sums[1] += canary.Errors ?? 0;
            sums[2] += canary.ProbesOk ?? 0;
            sums[3] += canary.ProbesTotal ?? 0;
            for (var i = 0; i < LatencyHistogram.BucketCount; i++)
            {
                sums[4 + i] += canary.Latency.CumulativeCounts[i];
            }
        }

        _prefix.Add(sums);
    }

    private WindowTotals Sum(int intervals)
    {
        var now = _prefix[^1];
        var before = _prefix[^(intervals + 1)];
        var buckets = new double[LatencyHistogram.BucketCount];
        for (var i = 0; i < buckets.Length; i++)
        {
            buckets[i] = now[4 + i] - before[4 + i];
        }

        return WindowTotals.OfRequests(now[0] - before[0], now[1] - before[1], new LatencyHistogram(buckets)) with
        {
            ProbesOk = now[2] - before[2],
            ProbesTotal = now[3] - before[3],
        };
    }
}
