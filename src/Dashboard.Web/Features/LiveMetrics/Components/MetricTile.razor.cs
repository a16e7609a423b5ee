using Dashboard.Core.Evaluation;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.LiveMetrics.Components;

/// <summary>
/// One metric, canary beside baseline, coloured by the verdict of the canary value against the
/// metric's criterion; greyed out with its age when the data is stale.
/// </summary>
public sealed partial class MetricTile
{
    /// <summary>The metric shown: label, unit, format and criterion.</summary>
    [Parameter]
    [EditorRequired]
    public MetricDefinition Definition { get; set; } = LiveMetricCatalog.ErrorRate;

    /// <summary>The canary value (or the single value when <see cref="SingleValue"/>); null when there is no data.</summary>
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

    private Verdict? Verdict => Definition.Evaluate(Canary);
}
