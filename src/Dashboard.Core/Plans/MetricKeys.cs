namespace Dashboard.Core.Plans;

/// <summary>
/// The names of the metrics, as plans JSON and REST spell them: constants so code and test
/// attributes can name a metric. Everything else about a metric — label, unit, format, direction,
/// how its value is read — is defined once, in <see cref="Metrics.MetricCatalog"/>.
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
    public const string Rps = "rps";
    public const string ActiveLearners = "activeLearners";
}
