using Dashboard.Core.Evaluation;
using Dashboard.Core.Metrics;
using Dashboard.Core.Plans;

namespace Dashboard.Core.Guardrails.Sequential;

/// <summary>
/// A plan condition read as a limit on a proportion of bad events: "error rate &gt; 1.5 %" is
/// p(error) &gt; 0.015; "availability &lt; 99 %" is p(failed probe) &gt; 0.01; "P99 &gt; 250 ms" is
/// p(request over 250 ms) &gt; 0.01. A latency threshold between two histogram bounds cannot be read
/// exactly, so each side takes the bucket that errs its way: the breach is proven on requests over
/// the next bound up (surely over the threshold), health on requests over the next bound down
/// (a superset). The comparative test reads the bound at or below the threshold (more events, same
/// bucket for both cohorts).
/// </summary>
/// <param name="Condition">The plan's condition.</param>
/// <param name="Limit">The proportion, in (0, 1).</param>
/// <param name="BreachAbove">True when the condition holds for proportions above <see cref="Limit"/>.</param>
/// <param name="BreachSignal">What proves the breach; null when the histogram cannot (threshold over its last bound).</param>
/// <param name="HealthSignal">What proves health; null when the histogram cannot.</param>
/// <param name="ComparativeSignal">The signal of the canary-vs-baseline test; null when the condition is not "more bad events".</param>
public sealed record CountRatioLimit(
    MetricCondition Condition,
    double Limit,
    bool BreachAbove,
    CountSignal? BreachSignal,
    CountSignal? HealthSignal,
    CountSignal? ComparativeSignal)
{
    /// <summary>The condition as a count-ratio limit, or null when it is not one (revenue, variance, cache, memory, counts).</summary>
    public static CountRatioLimit? TryFrom(MetricCondition condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var above = condition.Comparator is Comparator.GreaterThan or Comparator.GreaterThanOrEqual;
        var limit = condition.Metric switch
        {
            MetricKeys.ErrorRatePct => condition.Threshold / 100,
            MetricKeys.AvailabilityPct => 1 - (condition.Threshold / 100),
            MetricKeys.P99Ms => 0.01,
            MetricKeys.P95Ms => 0.05,
            MetricKeys.P50Ms => 0.5,
            _ => double.NaN,
        };
        if (!(limit is > 0 and < 1))
        {
            return null;
        }

        switch (condition.Metric)
        {
            case MetricKeys.ErrorRatePct:
                return new(condition, limit, above, CountSignal.Errors, CountSignal.Errors, above ? CountSignal.Errors : null);
            case MetricKeys.AvailabilityPct:
                // Low availability is many failed probes: "<" breaches above the failure limit.
                return new(condition, limit, !above, CountSignal.FailedProbes, CountSignal.FailedProbes, above ? null : CountSignal.FailedProbes);
            default:
                var bounds = LatencyHistogram.FiniteUpperBoundsMs;
                var up = bounds.Where(bound => bound >= condition.Threshold).Select(bound => (double?)bound).FirstOrDefault();
                var down = bounds.Where(bound => bound <= condition.Threshold).Select(bound => (double?)bound).LastOrDefault();
                var surelyOver = up is { } u ? CountSignal.SlowerThan(u) : null;
                var maybeOver = down is { } d ? CountSignal.SlowerThan(d) : null;
                if (surelyOver is null && maybeOver is null)
                {
                    return null;
                }

                return above
                    ? new(condition, limit, true, surelyOver, maybeOver, maybeOver ?? surelyOver)
                    : new(condition, limit, false, maybeOver, surelyOver, null);
        }
    }
}
