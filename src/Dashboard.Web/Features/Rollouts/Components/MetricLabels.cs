using System.Globalization;
using Dashboard.Core.Plans;

namespace Dashboard.Web.Features.Rollouts.Components;

/// <summary>People's names for the plan metric keys, and how their values read.</summary>
public static class MetricLabels
{
    public static string Label(string metricKey) => metricKey switch
    {
        MetricKeys.ErrorRatePct => "Error rate",
        MetricKeys.P99Ms => "P99 latency",
        MetricKeys.P95Ms => "P95 latency",
        MetricKeys.P50Ms => "P50 latency",
        MetricKeys.AvailabilityPct => "Availability",
        MetricKeys.RevenueImpactPct => "Revenue impact",
        MetricKeys.SegmentVariancePp => "Segment variance",
        MetricKeys.CacheEfficiencyPct => "Cache efficiency",
        MetricKeys.MemoryGrowthMbPerHour => "Memory growth",
        MetricKeys.CriticalIncidents => "Critical incidents",
        MetricKeys.DataLossEvents => "Data-loss events",
        _ => metricKey,
    };

    /// <summary>"0.42 %", "183 ms", or "—" without a value.</summary>
    public static string Value(string metricKey, double? value)
    {
        if (value is not { } measured)
        {
            return "—";
        }

        var unit = MetricKeys.IsKnown(metricKey) ? MetricKeys.UnitOf(metricKey) : string.Empty;
        var number = measured.ToString(Math.Abs(measured) >= 100 ? "0.#" : "0.###", CultureInfo.InvariantCulture);
        return unit.Length == 0 ? number : $"{number} {unit}";
    }

    /// <summary>The threshold as text, e.g. "&lt; 1 %".</summary>
    public static string Threshold(string metricKey, string comparatorSymbol, double threshold)
    {
        var unit = MetricKeys.IsKnown(metricKey) ? MetricKeys.UnitOf(metricKey) : string.Empty;
        var number = threshold.ToString("0.###", CultureInfo.InvariantCulture);
        return unit.Length == 0 ? $"{comparatorSymbol} {number}" : $"{comparatorSymbol} {number} {unit}";
    }
}
