namespace Dashboard.Core.Plans;

/// <summary>
/// The metric keys a plan may name, with their units. Most are the snapshot metrics of
/// docs/metrics.md; <see cref="CriticalIncidents"/> and <see cref="DataLossEvents"/> are counts
/// from the incident log, not from InfluxDB.
/// </summary>
public static class MetricKeys
{
    public const string ErrorRatePct = "errorRatePct";
    public const string P99Ms = "p99Ms";
    public const string P95Ms = "p95Ms";
    public const string P50Ms = "p50Ms";
    public const string AvailabilityPct = "availabilityPct";
    public const string RevenueImpactPct = "revenueImpactPct";
    public const string SegmentVariancePp = "segmentVariancePp";
    public const string CacheEfficiencyPct = "cacheEfficiencyPct";
    public const string MemoryGrowthMbPerHour = "memoryGrowthMbPerHour";
    public const string CriticalIncidents = "criticalIncidents";
    public const string DataLossEvents = "dataLossEvents";

    private static readonly Dictionary<string, string> Units = new(StringComparer.Ordinal)
    {
        [ErrorRatePct] = "%",
        [P99Ms] = "ms",
        [P95Ms] = "ms",
        [P50Ms] = "ms",
        [AvailabilityPct] = "%",
        [RevenueImpactPct] = "%",
        [SegmentVariancePp] = "pp",
        [CacheEfficiencyPct] = "%",
        [MemoryGrowthMbPerHour] = "MB/h",
        [CriticalIncidents] = string.Empty,
        [DataLossEvents] = string.Empty,
    };

    /// <summary>Every known key, in a stable order for error messages and docs.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Units.Keys];

    /// <summary>Keys are case-sensitive, exactly as the snapshot JSON spells them.</summary>
    public static bool IsKnown(string key) => Units.ContainsKey(key);

    /// <summary>The unit of <paramref name="key"/> ("%", "ms", "pp", "MB/h" or empty for counts).</summary>
    public static string UnitOf(string key) =>
        Units.TryGetValue(key, out var unit) ? unit : throw new ArgumentException($"Unknown metric key '{key}'.", nameof(key));
}
