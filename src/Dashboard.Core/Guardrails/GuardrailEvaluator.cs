using Dashboard.Core.Metrics;
using Dashboard.Core.Plans;

namespace Dashboard.Core.Guardrails;

/// <summary>
/// Judges a phase's guardrail rules on one poll's values. Every trigger is judged on its own; the
/// contingency rules keep the plan's "first match wins": only the first matching rule is
/// <see cref="GuardrailReading.Breached"/>, the ones after it read <see cref="GuardrailReading.Clean"/> for that poll.
/// A missing or NaN value makes the rule <see cref="GuardrailReading.NoData"/>, never clean. Without a baseline
/// cohort (the canary has 100 %) a rule on a canary-against-baseline metric is <see cref="GuardrailReading.NotApplicable"/>.
/// </summary>
public static class GuardrailEvaluator
{
    /// <param name="phase">The phase whose triggers and contingency rules apply.</param>
    /// <param name="valueOf">The poll's value of a metric key, null when it has none.</param>
    /// <param name="baselineRuns">False when the canary has all traffic, so nothing can be compared with a baseline.</param>
    public static IReadOnlyList<GuardrailObservation> Observe(PlanPhase phase, Func<string, double?> valueOf, bool baselineRuns = true)
    {
        ArgumentNullException.ThrowIfNull(phase);
        ArgumentNullException.ThrowIfNull(valueOf);
        var observations = new List<GuardrailObservation>();
        var contingencyMatched = false;
        foreach (var rule in GuardrailRule.Of(phase))
        {
            var values = rule.When.Select(c => c.Metric).Distinct(StringComparer.Ordinal).ToDictionary(metric => metric, valueOf, StringComparer.Ordinal);
            var reading = !baselineRuns && rule.When.Any(c => MetricCatalog.Find(c.Metric)?.Reading == MetricReading.CanaryAgainstBaseline)
                ? GuardrailReading.NotApplicable
                : Read(rule, values);
            if (rule.Kind == GuardrailKind.Contingency && reading == GuardrailReading.Breached)
            {
                reading = contingencyMatched ? GuardrailReading.Clean : GuardrailReading.Breached;
                contingencyMatched = true;
            }

            observations.Add(new GuardrailObservation(rule, reading, values));
        }

        return observations;
    }

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
