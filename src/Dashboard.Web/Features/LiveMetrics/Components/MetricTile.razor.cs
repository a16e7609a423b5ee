using Dashboard.Core.Evaluation;
using Dashboard.Core.Metrics;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.LiveMetrics.Components;

/// <summary>
/// One metric, canary beside baseline, coloured by the verdict of the canary value against the
/// criterion the page passes down (the followed phase's); greyed out with its age when the data is stale.
/// </summary>
public sealed partial class MetricTile
{
    /// <summary>The metric shown: label, unit and format from the catalog.</summary>
    [Parameter]
    [EditorRequired]
    public MetricDefinition Definition { get; set; } = MetricCatalog.ErrorRatePct;

    /// <summary>The criterion of the followed phase for this metric, or null when the phase does not judge it.</summary>
    [Parameter]
    public Criterion? Criterion { get; set; }

    /// <summary>The judged value (the canary's, or canary against baseline when <see cref="SingleValue"/>); null when there is no data.</summary>
    [Parameter]
    public double? Canary { get; set; }

    /// <summary>The baseline value; null when there is no data. Ignored when <see cref="SingleValue"/>.</summary>
    [Parameter]
    public double? Baseline { get; set; }

    /// <summary>True for a metric that compares the cohorts itself (revenue impact): no baseline value.</summary>
    [Parameter]
    public bool SingleValue { get; set; }

    /// <summary>How old the values are; stale values are greyed out with their age.</summary>
    [Parameter]
    [EditorRequired]
    public DataFreshness Freshness { get; set; } = DataFreshness.NotEvaluated;

    private Verdict? Verdict => Criterion is { } criterion ? LiveVerdict.Of(criterion, Canary, Freshness.IsStale) : null;

    private string ThresholdText => Criterion is { } criterion
        ? "threshold " + Definition.Threshold(criterion.Comparator, criterion.Threshold)
        : "no threshold in this phase";
}
