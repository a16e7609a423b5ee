using Dashboard.Core.Metrics;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.LiveMetrics.Components;

/// <summary>The six headline tiles of a snapshot: the judged metrics first, then context and revenue.</summary>
public sealed partial class MetricTileGrid
{
    private static readonly MetricDefinition[] PerCohort =
    [
        LiveMetricCatalog.ErrorRate,
        LiveMetricCatalog.P99,
        LiveMetricCatalog.Availability,
        LiveMetricCatalog.Rps,
        LiveMetricCatalog.ActiveLearners,
    ];

    /// <summary>The snapshot to show; null before the first successful poll (every tile shows "no data").</summary>
    [Parameter]
    public MetricsSnapshot? Snapshot { get; set; }

    /// <summary>How old the snapshot is; passed to every tile.</summary>
    [Parameter]
    [EditorRequired]
    public DataFreshness Freshness { get; set; } = DataFreshness.NotEvaluated;
}
