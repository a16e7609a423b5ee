using Dashboard.Core.Metrics;
using Dashboard.Core.Plans;

namespace Dashboard.Core.Checkpoints;

/// <summary>
/// The value one cohort contributes to a metric key in one window — the per-interval samples of a
/// criterion, canary beside baseline. For keys that compare or spread values the sample is the
/// cohort's underlying quantity: revenue impact → revenue per learner, segment variance → that
/// cohort's spread of per-segment error rates, memory growth → mean memory (MB) in the interval.
/// </summary>
public static class CohortMetricValues
{
    public static double? ValueOf(MetricsSnapshot snapshot, string metricKey, Cohort cohort)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var metrics = snapshot.Cohorts[cohort];
        return metricKey switch
        {
            MetricKeys.ErrorRatePct => metrics.ErrorRatePct,
            MetricKeys.P99Ms => metrics.P99Ms,
            MetricKeys.P95Ms => metrics.P95Ms,
            MetricKeys.P50Ms => metrics.P50Ms,
            MetricKeys.AvailabilityPct => metrics.AvailabilityPct,
            MetricKeys.CacheEfficiencyPct => metrics.CacheEfficiencyPct,
            MetricKeys.RevenueImpactPct => metrics.RevenuePerLearner,
            MetricKeys.SegmentVariancePp => SegmentVariance.Of(snapshot.Segments, cohort, segment => segment.ErrorRatePct),
            MetricKeys.MemoryGrowthMbPerHour => metrics.MemoryMb,
            _ => null,
        };
    }
}
