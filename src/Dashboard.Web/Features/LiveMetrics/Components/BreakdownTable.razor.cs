using Dashboard.Core.Evaluation;
using Dashboard.Core.Metrics;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.LiveMetrics.Components;

/// <summary>
/// Canary beside baseline per tag value (segment or region), canary cells coloured by the same
/// criteria as the tiles, so a regression confined to one segment stands out.
/// </summary>
public sealed partial class BreakdownTable
{
    private static readonly MetricDefinition[] Columns =
        [MetricCatalog.ErrorRatePct, MetricCatalog.P99Ms, MetricCatalog.AvailabilityPct, MetricCatalog.Rps];

    /// <summary>Stable identifier used in test hooks: <c>data-testid="breakdown-{Id}"</c>.</summary>
    [Parameter]
    [EditorRequired]
    public string Id { get; set; } = string.Empty;

    /// <summary>The heading, e.g. "By segment".</summary>
    [Parameter]
    [EditorRequired]
    public string Title { get; set; } = string.Empty;

    /// <summary>The header of the key column, e.g. "Segment".</summary>
    [Parameter]
    [EditorRequired]
    public string KeyHeader { get; set; } = string.Empty;

    /// <summary>Rows keyed by the tag value exactly as stored.</summary>
    [Parameter]
    public IReadOnlyDictionary<string, CohortPair> Rows { get; set; } = new Dictionary<string, CohortPair>();

    /// <summary>Greys the table out when its values are stale.</summary>
    [Parameter]
    public bool IsStale { get; set; }

    /// <summary>The criteria the canary cells are coloured by, as for the tiles.</summary>
    [Parameter]
    [EditorRequired]
    public PhaseThresholds Thresholds { get; set; } = PhaseThresholds.NoRolloutRunning;

    private string TableClass => IsStale ? "breakdown breakdown--stale" : "breakdown";
}
