using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.LiveMetrics.Components;

/// <summary>"updated 3 s ago", turning red when the data is stale.</summary>
public sealed partial class FreshnessIndicator
{
    /// <summary>The freshness to describe.</summary>
    [Parameter]
    [EditorRequired]
    public DataFreshness Freshness { get; set; } = DataFreshness.NotEvaluated;
}
