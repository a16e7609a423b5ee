using Dashboard.Core.Rollouts;
using Dashboard.Web.Shared.Components;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.Rollouts.Components;

/// <summary>Every traffic change of the rollout with its fate: applied with the router's read-back, failed with its words, or still requested.</summary>
public sealed partial class TrafficHistoryTable
{
    private int _page;

    /// <summary>The rollout's traffic changes, oldest first (as the API lists them).</summary>
    [Parameter, EditorRequired]
    public required IReadOnlyList<TrafficChangeView> Changes { get; set; }

    private IReadOnlyList<TrafficChangeView> Shown => [.. HistoryPager.Slice(Changes.Reverse(), _page)];

    private static string StatusClass(TrafficChangeStatus status) => status switch
    {
        TrafficChangeStatus.Applied => "verdict-pass",
        TrafficChangeStatus.Failed => "verdict-fail",
        _ => "verdict-warn",
    };
}
