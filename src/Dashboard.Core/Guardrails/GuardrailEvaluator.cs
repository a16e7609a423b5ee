using Dashboard.Core.Guardrails.Sequential;
using Dashboard.Core.Metrics;
using Dashboard.Core.Plans;

namespace Dashboard.Core.Guardrails;

/// <summary>
/// Judges a phase's guardrail rules on one poll's values. Every trigger is judged on its own; the
/// contingency rules keep the plan's "first match wins": only the first matching rule is
/// <see cref="GuardrailReading.Breached"/>, the ones after it read <see cref="GuardrailReading.Clean"/> for that poll.
/// A missing or NaN value makes the rule <see cref="GuardrailReading.NoData"/>, never clean. Without a baseline
/// cohort (the canary has 100 %) a rule on a canary-against-baseline metric is <see cref="GuardrailReading.NotApplicable"/>.
/// A rule whose every condition has sequential evidence is read from it instead of from the values: Breached when every
/// condition is proven to regress, Clean when one is proven healthy, NoData while no usable count was seen, and
/// <see cref="GuardrailReading.NotEnoughEvidence"/> otherwise (docs/guardrails.md, "Sequential judge").
/// </summary>
public static class GuardrailEvaluator
{
    /// <param name="phase">The phase whose triggers and contingency rules apply.</param>
    /// <param name="valueOf">The poll's value of a metric key, null when it has none.</param>
    /// <param name="baselineRuns">False when the canary has all traffic, so nothing can be compared with a baseline.</param>
    /// <param name="evidence">The sequential evidence of this phase run's count-ratio conditions; null when the poll has none
    /// (no fresh data), which leaves those rules to their values — and with no values, to NoData. A count-ratio rule without
    /// evidence in a list that is given (no cell of the phase run has been fed yet) reads not enough evidence yet.</param>
    /// <param name="valuesTooThin">Data flows but the window holds too little canary traffic (or too little time) to judge values:
    /// a rule judged on them reads <see cref="GuardrailReading.NotEnoughEvidence"/>, whatever its values.</param>
    public static IReadOnlyList<GuardrailObservation> Observe(
        PlanPhase phase, Func<string, double?> valueOf, bool baselineRuns = true, IReadOnlyList<ConditionEvidence>? evidence = null, bool valuesTooThin = false)
    {
        ArgumentNullException.ThrowIfNull(phase);
        ArgumentNullException.ThrowIfNull(valueOf);
        var observations = new List<GuardrailObservation>();
        var contingencyMatched = false;
        foreach (var rule in GuardrailRule.Of(phase))
        {
            var values = rule.When.Select(c => c.Metric).Distinct(StringComparer.Ordinal).ToDictionary(metric => metric, valueOf, StringComparer.Ordinal);
            var proof = EvidenceOf(rule, evidence);
            var reading = proof is not null ? Read(proof)
                : evidence is not null && rule.When.All(condition => CountRatioLimit.TryFrom(condition) is not null) ? GuardrailReading.NotEnoughEvidence
                : !baselineRuns && rule.When.Any(c => MetricCatalog.Find(c.Metric)?.Reading == MetricReading.CanaryAgainstBaseline) ? GuardrailReading.NotApplicable
                : valuesTooThin ? GuardrailReading.NotEnoughEvidence
                : Read(rule, values);
            if (rule.Kind == GuardrailKind.Contingency && reading == GuardrailReading.Breached)
            {
                reading = contingencyMatched ? GuardrailReading.Clean : GuardrailReading.Breached;
                contingencyMatched = true;
            }

            observations.Add(new GuardrailObservation(rule, reading, values, proof));
        }

        return observations;
    }

    // The rule's evidence, one per condition, or null unless every condition has some.
    private static List<ConditionEvidence>? EvidenceOf(GuardrailRule rule, IReadOnlyList<ConditionEvidence>? evidence)
    {
        if (evidence is null || rule.When.Count == 0)
        {
            return null;
        }

        var found = rule.When.Select(condition => evidence.FirstOrDefault(e => e.Condition == condition)).ToList();
        return found.All(e => e is not null) ? [.. found.OfType<ConditionEvidence>()] : null;
    }

    private static GuardrailReading Read(List<ConditionEvidence> proof)
    {
        if (proof.All(e => e.State == SequentialState.Regressing))
        {
            return GuardrailReading.Breached;
        }

        if (proof.Any(e => e.State == SequentialState.Healthy))
        {
            return GuardrailReading.Clean;
        }

        // No usable canary count yet on some condition: that condition is not judged at all — blind, not gathering.
        return proof.Any(e => CanaryTrials(e.Verdict) == 0) ? GuardrailReading.NoData : GuardrailReading.NotEnoughEvidence;
    }

    private static long CanaryTrials(SequentialRuleVerdict verdict) =>
        Math.Max(verdict.BreachSide?.Trials ?? 0, verdict.HealthSide?.Trials ?? 0);

    private static GuardrailReading Read(GuardrailRule rule, Dictionary<string, double?> values)
    {
        if (values.Values.Any(v => v is null || double.IsNaN(v.Value)))
        {
            return GuardrailReading.NoData;
        }

        return rule.When.Count > 0 && rule.When.All(condition => condition.IsMetBy(values[condition.Metric]))
            ? GuardrailReading.Breached
            : GuardrailReading.Clean;
    }
}
