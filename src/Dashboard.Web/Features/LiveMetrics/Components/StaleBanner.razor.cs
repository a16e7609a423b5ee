using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.LiveMetrics.Components;

/// <summary>A red banner, shown only while the data is stale, naming the cause and the age of the last good values.</summary>
public sealed partial class StaleBanner
{
    /// <summary>The freshness of the data on the page; the banner renders nothing while it is fresh.</summary>
    [Parameter]
    [EditorRequired]
    public DataFreshness Freshness { get; set; } = DataFreshness.NotEvaluated;
}
