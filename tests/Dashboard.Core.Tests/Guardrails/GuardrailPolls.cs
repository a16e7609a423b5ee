using Dashboard.Core.Guardrails;
using Dashboard.Core.Guardrails.Sequential;
using Dashboard.Core.Metrics;
using Dashboard.Core.Plans;

namespace Dashboard.Core.Tests.Guardrails;

/// <summary>Polls of the built-in three-phase plan's phases with chosen values.</summary>
internal static class GuardrailPolls
{
    public static readonly Guid RolloutId = new("0b7d4c1a-2f3e-4d5c-8b9a-7e6f5d4c3b2a");
    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public static PlanPhase Canary => BuiltInPlans.ThreePhase.Phases[0];

    public static PlanPhase Rollout => BuiltInPlans.ThreePhase.Phases[2];

    /// <summary>Healthy canary values for every trigger metric, with <paramref name="overrides"/> replacing some (null = no data).</summary>
    public static Func<string, double?> Values(params (string Key, double? Value)[] overrides)
    {
        var values = new Dictionary<string, double?>(StringComparer.Ordinal)
        {
            [MetricKeys.ErrorRatePct] = 0.05,
            [MetricKeys.P99Ms] = 120,
            [MetricKeys.AvailabilityPct] = 99.99,
            [MetricKeys.RevenueImpactPct] = 2,
        };
        foreach (var (key, value) in overrides)
        {
            values[key] = value;
        }

        return key => values.TryGetValue(key, out var value) ? value : null;
    }

    /// <summary>Runs <paramref name="polls"/> through one tracker and returns the decision of the last poll.</summary>
    public static GuardrailDecision? Run(
        PlanPhase phase, GuardrailStreaks streaks, int required, IReadOnlyList<Func<string, double?>> polls,
        Dashboard.Core.Rollouts.PhaseState state = Dashboard.Core.Rollouts.PhaseState.Running, int weight = 1, string phaseRun = "0")
    {
        GuardrailDecision? decision = null;
        for (var i = 0; i < polls.Count; i++)
        {
            var observations = GuardrailEvaluator.Observe(phase, polls[i]);
            var after = streaks.Record(RolloutId, phaseRun, observations, T0.AddSeconds(5 * i));
            decision = GuardrailJudge.Decide(state, weight, observations, after, required);
        }

        return decision;
    }

    /// <summary>The canary phase's sequential evidence after <paramref name="cells"/> 5 s cells of the same counts (null: no point).</summary>
    public static IReadOnlyList<ConditionEvidence> Evidence(int cells, WindowTotals? canary, WindowTotals? baseline) =>
        Evidence(Enumerable.Repeat((canary, baseline), cells));

    /// <summary>The canary phase's sequential evidence after one 5 s cell per item, from <see cref="T0"/> on.</summary>
    public static IReadOnlyList<ConditionEvidence> Evidence(IEnumerable<(WindowTotals? Canary, WindowTotals? Baseline)> cells)
    {
        var conditions = GuardrailRule.Of(Canary).SelectMany(rule => rule.When).Distinct();
        var track = new EvidenceTrack(new SequentialSettings(), conditions, T0, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(30));
        foreach (var (canary, baseline) in cells)
        {
            track.Observe(canary, baseline);
        }

        return track.Judge();
    }
}
