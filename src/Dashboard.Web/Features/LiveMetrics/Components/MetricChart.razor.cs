using Dashboard.Core.Evaluation;
using Dashboard.Core.Metrics;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.Web.Features.LiveMetrics.Components;

/// <summary>
/// One chart metric over one range: baseline and canary overlaid, plus the threshold as a flat
/// line where the metric has a criterion. Empty buckets are left out rather than drawn as zero.
/// </summary>
public sealed partial class MetricChart
{
    private static readonly string[] Palette = ["#8ab4f8", "#ffb74d", "#ff5252"];

    private List<ChartSeries<double>> _series = [];
    private TimeSeriesChartOptions _options = new();
    private ChartSeriesSet? _renderedSet;
    private ChartMetric? _renderedMetric;
    private PhaseThresholds? _renderedThresholds;
    private bool _redraw = true;

    /// <summary>The metric to draw.</summary>
    [Parameter]
    [EditorRequired]
    public ChartMetric Metric { get; set; }

    /// <summary>The downsampled series of the selected range; null when the poller has none yet.</summary>
    [Parameter]
    public ChartSeriesSet? Set { get; set; }

    /// <summary>CSS height of the plot, e.g. "220px".</summary>
    [Parameter]
    public string Height { get; set; } = "220px";

    /// <summary>The criteria of the followed phase: the metric's threshold is drawn as a flat line.</summary>
    [Parameter]
    [EditorRequired]
    public PhaseThresholds Thresholds { get; set; } = PhaseThresholds.NoRolloutRunning;

    private MetricDefinition Definition => MetricCatalog.For(Metric);

    private string? ThresholdText => Thresholds.For(Definition.Key) is { } criterion
        ? "threshold " + Definition.Threshold(criterion.Comparator, criterion.Threshold)
        : null;

    protected override void OnParametersSet()
    {
        if (_redraw || !ReferenceEquals(Set, _renderedSet) || Metric != _renderedMetric || !ReferenceEquals(Thresholds, _renderedThresholds))
        {
            _renderedSet = Set;
            _renderedMetric = Metric;
            _renderedThresholds = Thresholds;
            _series = BuildSeries();
            _options = BuildOptions();
            _redraw = true;
        }
    }

    // The page re-renders every second for its clock; only new data or a new range redraws the SVG.
    protected override bool ShouldRender() => _redraw;

    protected override void OnAfterRender(bool firstRender) => _redraw = false;

    private List<ChartSeries<double>> BuildSeries()
    {
        if (Set is null || !Set.Series.TryGetValue(Metric, out var byCohort))
        {
            return [];
        }

        var baseline = Points(byCohort, Cohort.Baseline);
        var canary = Points(byCohort, Cohort.Canary);
        if (baseline.Count == 0 && canary.Count == 0)
        {
            return [];
        }

        List<ChartSeries<double>> series =
        [
            new() { Name = "Baseline", Data = new ChartData<double>(baseline) },
            new() { Name = "Canary", Data = new ChartData<double>(canary) },
        ];
        if (Thresholds.For(Definition.Key) is { } criterion)
        {
            List<(DateTime, double)> line = [(Set.From.UtcDateTime, criterion.Threshold), (Set.To.UtcDateTime, criterion.Threshold)];
            series.Add(new() { Name = "Threshold", Data = new ChartData<double>(line) });
        }

        return series;
    }

    private static List<(DateTime, double)> Points(
        IReadOnlyDictionary<Cohort, IReadOnlyList<SeriesPoint>> byCohort, Cohort cohort) =>
        byCohort.TryGetValue(cohort, out var points)
            ? [.. points.Where(p => p.Value is not null).Select(p => (p.Time.UtcDateTime, p.Value!.Value))]
            : [];

    private TimeSeriesChartOptions BuildOptions() => new()
    {
        ChartPalette = Palette,
        TimeLabelFormat = "HH:mm",
        TimeLabelSpacing = LabelSpacing(Set?.Range ?? ChartRange.LastHour),
        TimeLabelSpacingRounding = true,
        YAxisFormat = "0.#",
        YAxisTicks = YAxisStep(Metric),
        MaxNumYAxisTicks = 6,
        LineStrokeWidth = 2,
        ShowLegend = true,
    };

    // The chart's grid step is a whole number of the metric's unit; these keep the threshold in view.
    private static int YAxisStep(ChartMetric metric) => metric switch
    {
        ChartMetric.P99Ms => 50,
        ChartMetric.Rps => 100,
        _ => 1,
    };

    private static TimeSpan LabelSpacing(ChartRange range) => range switch
    {
        ChartRange.Last15Minutes => TimeSpan.FromMinutes(3),
        ChartRange.LastHour => TimeSpan.FromMinutes(10),
        ChartRange.Last6Hours => TimeSpan.FromHours(1),
        _ => TimeSpan.FromHours(6),
    };
}
