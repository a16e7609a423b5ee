using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.LiveMetrics.Components;

/// <summary>The title of a live page with the phase whose thresholds apply and the data's freshness.</summary>
public sealed partial class DashboardHeader
{
    /// <summary>The page title.</summary>
    [Parameter]
    public string Title { get; set; } = "Canary vs baseline";

    /// <summary>Whose thresholds colour the page, e.g. "Following: learning-api v3.0.0 — ramp 10 %".</summary>
    [Parameter]
    [EditorRequired]
    public string ThresholdsDescription { get; set; } = string.Empty;

    /// <summary>The freshness of the data shown.</summary>
    [Parameter]
    [EditorRequired]
    public DataFreshness Freshness { get; set; } = DataFreshness.NotEvaluated;

    /// <summary>The window of the snapshot in seconds, or null when there is none yet.</summary>
    [Parameter]
    public int? WindowSeconds { get; set; }

    /// <summary>Shows the current UTC time, for war-room screens.</summary>
    [Parameter]
    public bool ShowClock { get; set; }
}
