using Dashboard.Core.Metrics;

namespace Dashboard.Web.Features.LiveMetrics;

/// <summary>
/// The six headline tiles of <c>/</c> and <c>/warroom</c>, in their order: the judged metrics, then context, each with
/// canary and baseline; then revenue impact, one value. The tile grid draws them and a screen's hub message carries
/// exactly their values, so the list lives once.
/// </summary>
public static class HeadlineTiles
{
    public static IReadOnlyList<MetricDefinition> PerCohort { get; } =
    [
        MetricCatalog.ErrorRatePct,
        MetricCatalog.P99Ms,
        MetricCatalog.AvailabilityPct,
        MetricCatalog.Rps,
        MetricCatalog.ActiveLearners,
    ];

    /// <summary>The single-value tile after the per-cohort ones.</summary>
    public static MetricDefinition SingleValue => MetricCatalog.RevenueImpactPct;
}
