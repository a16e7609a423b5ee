using Dashboard.Core.Evaluation;
using Dashboard.Core.Metrics;
using Dashboard.Web.Shared.Charts;
using Dashboard.Web.Shared.Live;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.LiveMetrics.Components;

/// <summary>
/// One chart metric over one range: baseline and canary overlaid, the threshold as a flat line where the
/// metric has a criterion, and what happened to any rollout in the range marked on the time axis (re-read
/// when a rollout or incident is saved). Empty buckets break the lines rather than being drawn as zero.
/// </summary>
public sealed partial class MetricChart : IDisposable
{
    private List<ChartLine> _lines = [];
    private IReadOnlyList<ChartAnnotation> _annotations = [];
    private LiveReload<Guid>? _live;
    private ChartSeriesSet? _renderedSet;
    private ChartMetric? _renderedMetric;
    private PhaseThresholds? _renderedThresholds;
    private bool _redraw = true;

    [Inject]
    public required IChartAnnotationSource AnnotationSource { get; init; }

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

    private Criterion? Criterion => Thresholds.For(Definition.Key);

    private string? ThresholdText => Criterion is { } criterion ? Definition.Threshold(criterion.Comparator, criterion.Threshold) : null;

    protected override void OnInitialized() =>
        _live = new(AnnotationSource.Changes, _ => true, LoadAnnotationsAsync, InvokeAsync, StateHasChanged, DispatchExceptionAsync);

    protected override async Task OnParametersSetAsync()
    {
        if (_redraw || !ReferenceEquals(Set, _renderedSet) || Metric != _renderedMetric || !ReferenceEquals(Thresholds, _renderedThresholds))
        {
            var newRange = Set?.From != _renderedSet?.From || Set?.To != _renderedSet?.To;
            _renderedSet = Set;
            _renderedMetric = Metric;
            _renderedThresholds = Thresholds;
            _lines = BuildLines();
            _redraw = true;
            if (newRange)
            {
                await _live!.ReloadAsync();
            }
        }
    }

    // The page re-renders every second for its clock; only new data, a new range or new annotations redraw the SVG.
    protected override bool ShouldRender() => _redraw;

    protected override void OnAfterRender(bool firstRender) => _redraw = false;

    private async Task LoadAnnotationsAsync()
    {
        _annotations = Set is { } set ? await AnnotationSource.ReadAsync(set.From, set.To, rolloutId: null) : [];
        _redraw = true;
    }

    private string Format(double value) => Definition.Text(value);

    private List<ChartLine> BuildLines()
    {
        if (Set is null || !Set.Series.TryGetValue(Metric, out var byCohort)
            || !byCohort.Values.SelectMany(points => points).Any(point => point.Value is not null))
        {
            return [];
        }

        return [.. new[] { Cohort.Baseline, Cohort.Canary }.Select(cohort => new ChartLine(cohort, byCohort.GetValueOrDefault(cohort) ?? []))];
    }

    public void Dispose() => _live?.Dispose();
}
