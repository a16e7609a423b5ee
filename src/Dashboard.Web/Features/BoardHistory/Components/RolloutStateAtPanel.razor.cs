using Dashboard.Core.History;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.BoardHistory.Components;

/// <summary>The followed rollout as the audit log rebuilds it at a past moment: phase, weights, gate and open incidents. Offers no action.</summary>
public sealed partial class RolloutStateAtPanel
{
    /// <summary>The rollout followed then, or null when none was running.</summary>
    [Parameter]
    public RolloutStateAt? Rollout { get; set; }
}
