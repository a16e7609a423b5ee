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
}
