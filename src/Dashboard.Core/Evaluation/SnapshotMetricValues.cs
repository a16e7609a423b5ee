using Dashboard.Core.Metrics;
using Dashboard.Core.Plans;

namespace Dashboard.Core.Evaluation;

/// <summary>
/// Reads the value a plan's metric key (<see cref="MetricKeys"/>) names out of a metrics snapshot:
/// the canary's value, or the comparison of canary against baseline where the key is one. Keys the
/// snapshot cannot answer — memory growth needs a trend over hours, incidents and data-loss events
/// come from the incident log — give null, which every criterion judges as no data, never as a pass.
/// </summary>
public static class SnapshotMetricValues
{
    /// <summary>True when <paramref name="metricKey"/> can be read from a snapshot at all.</summary>
    public static bool IsInSnapshot(string metricKey) => metricKey switch
    {
        MetricKeys.ErrorRatePct or MetricKeys.P99Ms or MetricKeys.P95Ms or MetricKeys.P50Ms or MetricKeys.AvailabilityPct
            or MetricKeys.CacheEfficiencyPct or MetricKeys.RevenueImpactPct or MetricKeys.SegmentVariancePp => true,
        _ => false,
    };

    /// <summary>The value of <paramref name="metricKey"/> in <paramref name="snapshot"/>, or null when it has none.</summary>
    public static double? ValueOf(MetricsSnapshot snapshot, string metricKey)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var canary = snapshot.Cohorts.Canary;
        return metricKey switch
        {
            MetricKeys.ErrorRatePct => canary.ErrorRatePct,
            MetricKeys.P99Ms => canary.P99Ms,
            MetricKeys.P95Ms => canary.P95Ms,
            MetricKeys.P50Ms => canary.P50Ms,
            MetricKeys.AvailabilityPct => canary.AvailabilityPct,
            MetricKeys.CacheEfficiencyPct => canary.CacheEfficiencyPct,
            MetricKeys.RevenueImpactPct => snapshot.RevenueImpactPct,
            MetricKeys.SegmentVariancePp => SegmentVariance.OfCanaryErrorRate(snapshot.Segments),
            _ => null,
        };
    }
}
