using Dashboard.Core.Metrics;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Components.Pages;

/// <summary>
/// The live dashboard for people at a desk: tiles, trends, breakdowns and (in demo mode) faults,
/// judged by the running phase of the rollout it follows.
/// </summary>
public sealed partial class LiveDashboard
{
    private static readonly IReadOnlyDictionary<string, CohortPair> NoRows = new Dictionary<string, CohortPair>();

    /// <summary>The rollout to follow (<c>?rollout={id}</c>); by default the most recently started running one.</summary>
    [SupplyParameterFromQuery(Name = "rollout")]
    public Guid? RolloutId { get; set; }

    /// <summary>A past moment (<c>?at=2026-11-02T03:12:00Z</c>): the board as it was then, not live (docs/board-history.md).</summary>
    [SupplyParameterFromQuery(Name = "at")]
    public string? At { get; set; }
}
