using Dashboard.Core.Checkpoints;
using Dashboard.Core.Metrics;
using Dashboard.Web.Shared.Charts;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.Checkpoints.Components;

/// <summary>
/// A criterion's per-interval samples over its window: baseline and canary (an interval without data breaks
/// the line, never drawn as zero; a lone sample is a dot), the threshold as a flat line (when the samples share its unit), and the rollout's
/// traffic changes, phase changes, holds, rollbacks and incidents in the window marked on the time axis.
/// </summary>
public sealed partial class SampleChart
{
    private List<ChartLine> _lines = [];
    private DateTimeOffset _from;
    private DateTimeOffset _to;

    /// <summary>The criterion whose samples to draw; it has at least one sample.</summary>
    [Parameter, EditorRequired]
    public required CriterionEvaluation Criterion { get; set; }

    /// <summary>What happened to the rollout during the window.</summary>
    [Parameter]
    public IReadOnlyList<ChartAnnotation> Annotations { get; set; } = [];

    private MetricDefinition Definition => MetricCatalog.Get(Criterion.Metric);

    private string ThresholdText => Definition.Threshold(Criterion.Comparator, Criterion.Threshold);

    // A metric judged on a derived value (revenue impact in % from revenue per learner) samples in another unit:
    // its threshold has no place on the samples' axis.
    private double? ThresholdLine => Definition.CohortUnit is null ? Criterion.Threshold : null;

    protected override void OnParametersSet()
    {
        var samples = Criterion.Samples;
        _from = samples[0].Time;
        _to = samples[^1].Time + Criterion.SampleInterval;
        _lines =
        [
            new(Cohort.Baseline, [.. samples.Select(s => new SeriesPoint(s.Time, s.Baseline))]),
            new(Cohort.Canary, [.. samples.Select(s => new SeriesPoint(s.Time, s.Canary))]),
        ];
    }
}
