using Dashboard.Core.Plans;

namespace Dashboard.Infrastructure.Checkpoints;

/// <summary>The group of statements a metric key is computed from; one family fails or succeeds together.</summary>
internal enum MetricFamily
{
    Requests,
    Probes,
    Revenue,
    Resources,
}

internal static class MetricFamilies
{
    /// <summary>The family of an InfluxDB metric key, or null for keys InfluxDB does not hold (incident counts).</summary>
    public static MetricFamily? Of(string metricKey) => metricKey switch
    {
        MetricKeys.ErrorRatePct or MetricKeys.P50Ms or MetricKeys.P95Ms or MetricKeys.P99Ms or MetricKeys.SegmentVariancePp => MetricFamily.Requests,
        MetricKeys.AvailabilityPct => MetricFamily.Probes,
        MetricKeys.RevenueImpactPct => MetricFamily.Revenue,
        MetricKeys.CacheEfficiencyPct or MetricKeys.MemoryGrowthMbPerHour => MetricFamily.Resources,
        _ => null,
    };
}
