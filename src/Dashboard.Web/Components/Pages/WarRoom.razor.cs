using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Components.Pages;

/// <summary>The war-room screen: read-only, large, judged by the running phase of the rollout it follows.</summary>
public sealed partial class WarRoom
{
    /// <summary>The rollout to follow (<c>?rollout={id}</c>); by default the most recently started running one.</summary>
    [SupplyParameterFromQuery(Name = "rollout")]
    public Guid? RolloutId { get; set; }

    /// <summary>A past moment (<c>?at=2026-11-02T03:12:00Z</c>): the board as it was then, not live (docs/board-history.md).</summary>
    [SupplyParameterFromQuery(Name = "at")]
    public string? At { get; set; }
}
