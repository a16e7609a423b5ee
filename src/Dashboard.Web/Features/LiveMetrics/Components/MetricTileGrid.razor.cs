using Dashboard.Core.Evaluation;
using Dashboard.Core.Metrics;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.LiveMetrics.Components;

/// <summary>
/// The six headline tiles of a snapshot: the judged metrics first, then context and revenue. Each
/// is judged by the same value and criterion the rollout page's criteria panel uses.
/// </summary>
public sealed partial class MetricTileGrid
{
    /// <summary>The snapshot to show; null before the first successful poll (every tile shows "no data").</summary>
    [Parameter]
    public MetricsSnapshot? Snapshot { get; set; }

    /// <summary>How old the snapshot is; passed to every tile.</summary>
    [Parameter]
    [EditorRequired]
    public DataFreshness Freshness { get; set; } = DataFreshness.NotEvaluated;

    /// <summary>The criteria the tiles are coloured by: the followed rollout's running phase, chosen by the page.</summary>
    [Parameter]
    [EditorRequired]
    public PhaseThresholds Thresholds { get; set; } = PhaseThresholds.NoRolloutRunning;
}
