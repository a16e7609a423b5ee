using Dashboard.Core.Metrics;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.BoardHistory.Components;

/// <summary>The desk dashboard (<c>/?at=</c>) as it was at a past moment: the live page's tiles, charts and tables, read once, with no action.</summary>
public sealed partial class PastDashboard
{
    private static readonly IReadOnlyDictionary<string, CohortPair> NoRows = new Dictionary<string, CohortPair>();

    /// <summary>The moment as the address gives it.</summary>
    [Parameter, EditorRequired]
    public required string At { get; set; }

    /// <summary>The rollout asked for; null follows the one running then.</summary>
    [Parameter]
    public Guid? RolloutId { get; set; }
}
