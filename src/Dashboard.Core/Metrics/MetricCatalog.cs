using Dashboard.Core.Plans;

namespace Dashboard.Core.Metrics;

/// <summary>
/// The one definition of every metric (docs/metrics.md): tiles, tables, charts, the rollout and
/// checkpoint pages, guardrails, checkpoints, health checks and plan validation all read it. Adding
/// a metric is one entry here plus its formula in <see cref="CohortMetrics"/>.
/// </summary>
public static class MetricCatalog
{
    public static MetricDefinition ErrorRatePct { get; } = Canary(MetricKeys.ErrorRatePct, "Error rate", "%", "0.00", MetricDirection.LowerIsBetter, MetricSource.Requests, m => m.ErrorRatePct);

    public static MetricDefinition P99Ms { get; } = Canary(MetricKeys.P99Ms, "P99 latency", "ms", "0", MetricDirection.LowerIsBetter, MetricSource.Requests, m => m.P99Ms);

    public static MetricDefinition P95Ms { get; } = Canary(MetricKeys.P95Ms, "P95 latency", "ms", "0", MetricDirection.LowerIsBetter, MetricSource.Requests, m => m.P95Ms);

    public static MetricDefinition P50Ms { get; } = Canary(MetricKeys.P50Ms, "P50 latency", "ms", "0", MetricDirection.LowerIsBetter, MetricSource.Requests, m => m.P50Ms);

    public static MetricDefinition AvailabilityPct { get; } = Canary(MetricKeys.AvailabilityPct, "Availability", "%", "0.000", MetricDirection.HigherIsBetter, MetricSource.Probes, m => m.AvailabilityPct);

    /// <summary>Canary revenue per learner against baseline's: judged from both cohorts, so one value, not one per cohort.</summary>
    public static MetricDefinition RevenueImpactPct { get; } = Canary(MetricKeys.RevenueImpactPct, "Revenue impact", "%", "+0.00;-0.00;0.00", MetricDirection.HigherIsBetter, MetricSource.Business, m => m.RevenuePerLearner) with
    {
        Reading = MetricReading.CanaryAgainstBaseline,
        CohortUnit = string.Empty,
        NoDataNeeds = " (needs revenue and active learners of both cohorts)",
    };

    /// <summary>The spread of the canary's per-segment error rates, in percentage points (docs/metrics.md, "Segment variance").</summary>
    public static MetricDefinition SegmentVariancePp { get; } = Canary(MetricKeys.SegmentVariancePp, "Segment variance", "pp", "0.00", MetricDirection.LowerIsBetter, MetricSource.Requests, m => m.ErrorRatePct) with
    {
        AcrossSegments = true,
        NoDataNeeds = " (needs canary error rates of at least two segments)",
    };

    public static MetricDefinition CacheEfficiencyPct { get; } = Canary(MetricKeys.CacheEfficiencyPct, "Cache efficiency", "%", "0.0", MetricDirection.HigherIsBetter, MetricSource.Resources, m => m.CacheEfficiencyPct);

    /// <summary>The slope of the canary's mean memory per interval: a trend over hours, judged at checkpoints only.</summary>
    public static MetricDefinition MemoryGrowthMbPerHour { get; } = Canary(MetricKeys.MemoryGrowthMbPerHour, "Memory growth", "MB/h", "0.0", MetricDirection.LowerIsBetter, MetricSource.Resources, m => m.MemoryMb) with
    {
        Reading = MetricReading.CanaryTrendPerHour,
        CohortUnit = "MB",
        NoDataNeeds = " (needs canary memory samples in at least two intervals)",
    };

    public static MetricDefinition CriticalIncidents { get; } = Incidents(MetricKeys.CriticalIncidents, "Critical incidents");

    public static MetricDefinition DataLossEvents { get; } = Incidents(MetricKeys.DataLossEvents, "Data-loss events");

    /// <summary>Context on the live pages; a plan may not judge it.</summary>
    public static MetricDefinition Rps { get; } = Canary(MetricKeys.Rps, "Requests / s", "req/s", "0.0", MetricDirection.HigherIsBetter, MetricSource.Requests, m => m.Rps) with { InPlans = false };

    /// <summary>Context on the live pages; a plan may not judge it.</summary>
    public static MetricDefinition ActiveLearners { get; } = Canary(MetricKeys.ActiveLearners, "Active learners", string.Empty, "#,0", MetricDirection.HigherIsBetter, MetricSource.Learners, m => m.ActiveLearners) with { InPlans = false };

    /// <summary>Every metric, plan metrics first in a stable order (error messages and docs list them so).</summary>
    public static IReadOnlyList<MetricDefinition> All { get; } =
    [
        ErrorRatePct, P99Ms, P95Ms, P50Ms, AvailabilityPct, RevenueImpactPct, SegmentVariancePp, CacheEfficiencyPct,
        MemoryGrowthMbPerHour, CriticalIncidents, DataLossEvents, Rps, ActiveLearners,
    ];

    /// <summary>The keys a plan may name, in <see cref="All"/>'s order.</summary>
    public static IReadOnlyList<string> PlanKeys { get; } = [.. All.Where(metric => metric.InPlans).Select(metric => metric.Key)];

    private static readonly Dictionary<string, MetricDefinition> ByKey = All.ToDictionary(metric => metric.Key, StringComparer.Ordinal);

    /// <summary>The metric with <paramref name="key"/> (case-sensitive, as the JSON spells it), or null.</summary>
    public static MetricDefinition? Find(string key) => ByKey.GetValueOrDefault(key);

    /// <summary>The metric with <paramref name="key"/>; an unknown key is a programming error here, since plans are validated on the way in.</summary>
    public static MetricDefinition Get(string key) =>
        Find(key) ?? throw new ArgumentException($"Unknown metric key '{key}'.", nameof(key));

    /// <summary>True when a plan may name <paramref name="key"/>.</summary>
    public static bool IsPlanKey(string key) => Find(key) is { InPlans: true };

    /// <summary>People's name for <paramref name="key"/>; the key itself for one the catalog does not know (an old stored verdict).</summary>
    public static string LabelOf(string key) => Find(key)?.Label ?? key;

    /// <summary>The metric a chart draws.</summary>
    public static MetricDefinition For(ChartMetric metric) => metric switch
    {
        ChartMetric.ErrorRatePct => ErrorRatePct,
        ChartMetric.P99Ms => P99Ms,
        ChartMetric.AvailabilityPct => AvailabilityPct,
        ChartMetric.Rps => Rps,
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "Unknown chart metric."),
    };

    private static MetricDefinition Canary(
        string key, string label, string unit, string format, MetricDirection better, MetricSource source, Func<CohortMetrics, double?> perCohort) => new()
    {
        Key = key,
        Label = label,
        Unit = unit,
        NumberFormat = format,
        Better = better,
        Source = source,
        Reading = MetricReading.Canary,
        PerCohort = perCohort,
    };

    private static MetricDefinition Incidents(string key, string label) => new()
    {
        Key = key,
        Label = label,
        Unit = string.Empty,
        NumberFormat = "0",
        Better = MetricDirection.LowerIsBetter,
        Source = MetricSource.IncidentLog,
        Reading = MetricReading.IncidentCount,
        NoDataNeeds = " in the incident log",
    };
}
