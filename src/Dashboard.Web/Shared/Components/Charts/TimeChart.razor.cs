using Dashboard.Core.Metrics;
using Dashboard.Web.Shared.Charts;
using Dashboard.Web.Shared.Time;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Dashboard.Web.Shared.Components.Charts;

/// <summary>
/// The app's one chart: baseline and canary over time as an SVG drawn on the server. A missing or empty bucket
/// breaks the line; a point without neighbours is drawn as a dot; the value axis fits the data and the threshold
/// (<see cref="ValueScale"/>); the time axis says UTC and, for a viewer who asked, local time under it
/// (<see cref="TimeAxis"/>); traffic changes, phase changes, holds, rollbacks and incidents are marked on it.
/// Hovering a bucket (or moving to it with the arrow keys) shows its time and each line's value there; a tap (no hover
/// on a phone) or Enter writes the same, or a mark's words, under the chart until tapped again. <c>role="img"</c> with
/// a summary for screen readers.
/// The server draws no element and holds no handler per point: the browser (wwwroot/js/time-chart.js) finds the bucket
/// under the pointer from <c>data-columns</c> and asks <see cref="HoverTextAt"/> for its words. What nobody clicks — grid,
/// ticks, threshold and lines — is drawn once per chart data as markup shared by every page that shows it
/// (<see cref="ChartDrawings"/>, <see cref="ChartMarkup"/>), so an open chart holds a handful of elements of its own
/// (docs/performance.md).
/// </summary>
public sealed partial class TimeChart : IAsyncDisposable
{
    /// <summary>The browser functions (wwwroot/js/time-chart.js) that bind and unbind a chart's pointer and keys.</summary>
    public const string AttachFunction = "warRoomChart.attach";

    /// <summary>See <see cref="AttachFunction"/>.</summary>
    public const string DetachFunction = "warRoomChart.detach";

    private const double Width = 640;
    private const double Left = 56;
    private const double Right = 14;
    private const double Top = 30;
    private const double AnnotationRow = 11;

    private TimeDisplay _display = TimeDisplay.UtcOnly;
    private Picked? _picked;
    private ElementReference _svg;
    private DotNetObjectReference<TimeChart>? _self;
    private int _version;

    [Inject]
    public required ITimeDisplaySource Display { get; init; }

    [Inject]
    public required IJSRuntime Js { get; init; }

    /// <summary>What is charted, in words ("Error rate"): the start of the screen-reader summary.</summary>
    [Parameter, EditorRequired]
    public required string Name { get; set; }

    /// <summary>The cohorts' lines.</summary>
    [Parameter, EditorRequired]
    public required IReadOnlyList<ChartLine> Lines { get; set; }

    /// <summary>Start of the time axis.</summary>
    [Parameter, EditorRequired]
    public DateTimeOffset From { get; set; }

    /// <summary>End of the time axis.</summary>
    [Parameter, EditorRequired]
    public DateTimeOffset To { get; set; }

    /// <summary>The spacing of the points: a longer step between two points is a gap.</summary>
    [Parameter, EditorRequired]
    public TimeSpan Bucket { get; set; }

    /// <summary>Writes a value with its unit ("0.28 %").</summary>
    [Parameter, EditorRequired]
    public required Func<double, string> FormatValue { get; set; }

    /// <summary>The unit on the value axis ("%", "ms"); empty for none.</summary>
    [Parameter]
    public string Unit { get; set; } = string.Empty;

    /// <summary>The threshold drawn as a dashed line, if any.</summary>
    [Parameter]
    public double? Threshold { get; set; }

    /// <summary>The threshold in words ("&lt; 1 %"), for its label and the summary.</summary>
    [Parameter]
    public string? ThresholdText { get; set; }

    /// <summary>The markers on the time axis; those outside the range are not drawn.</summary>
    [Parameter]
    public IReadOnlyList<ChartAnnotation> Annotations { get; set; } = [];

    /// <summary>What a point's value is computed from ("requests"), said on hover; null for a rate.</summary>
    [Parameter]
    public string? Events { get; set; }

    /// <summary>The fewest <see cref="Events"/> a point holds, said in the legend when thin buckets were merged.</summary>
    [Parameter]
    public int? MinimumEvents { get; set; }

    /// <summary>CSS height of the chart, e.g. "220px" or "100%".</summary>
    [Parameter]
    public string Height { get; set; } = "220px";

    private double PlotHeight => _display.ShowsLocal ? 150 : 162;

    private double Bottom => Top + PlotHeight;

    private double ViewHeight => Bottom + (_display.ShowsLocal ? 58 : 42);

    private ChartDrawing Drawing { get; set; } = ChartDrawing.Empty;

    private ValueScale Scale => Drawing.Scale;

    private IReadOnlyList<ChartAnnotation> Shown { get; set; } = [];

    private string AxisTitle => _display.LocalZoneName is { } zone ? $"Time (UTC; {zone} below)" : "Time (UTC)";

    protected override async Task OnInitializedAsync()
    {
        Display.Changed += OnDisplayChanged;
        _display = await Display.ReadAsync();
        Measure();
    }

    protected override void OnParametersSet() => Measure();

    private void Measure()
    {
        Drawing = ChartDrawings.For(Lines, new ChartLayout(From, To, Bucket, Threshold, new PlotArea(Left, Width - Right, Top, Bottom), _display));
        Shown = [.. Annotations.Where(a => a.At >= From && a.At <= To).OrderBy(a => a.At)];
        // The browser keeps the words it asked for until this changes.
        _version++;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _self = DotNetObjectReference.Create(this);
            await Js.InvokeVoidAsync(AttachFunction, _svg, _self);
        }
    }

    /// <summary>The words for the bucket at <paramref name="column"/> of <c>data-columns</c>: its time and each line's value.</summary>
    [JSInvokable]
    public string HoverTextAt(int column) => ColumnAt(column) is { } at ? HoverText(at) : string.Empty;

    /// <summary>A tap or Enter on the bucket at <paramref name="column"/>: writes its words under the chart, or hides them when shown.</summary>
    [JSInvokable]
    public void PickColumn(int column)
    {
        if (ColumnAt(column) is { } at)
        {
            Pick(HoverText(at), at);
            StateHasChanged();
        }
    }

    private DateTimeOffset? ColumnAt(int column) => column >= 0 && column < Drawing.Columns.Count ? Drawing.Columns[column] : null;

    private void OnDisplayChanged(TimeDisplay display) => _ = InvokeAsync(() =>
    {
        _display = display;
        Measure();
        StateHasChanged();
    });

    private double X(DateTimeOffset at) => Drawing.X(at);

    private static string N(double value) => ChartDrawing.Number(value);

    private static string CssOf(ChartAnnotationKind kind) => kind switch
    {
        ChartAnnotationKind.TrafficChange => "traffic",
        ChartAnnotationKind.PhaseChange => "phase",
        ChartAnnotationKind.Hold => "hold",
        ChartAnnotationKind.Rollback => "rollback",
        _ => "incident",
    };

    private static string SymbolOf(ChartAnnotationKind kind) => kind switch
    {
        ChartAnnotationKind.TrafficChange => "⇄",
        ChartAnnotationKind.PhaseChange => "▶",
        ChartAnnotationKind.Hold => "⏸",
        ChartAnnotationKind.Rollback => "↺",
        _ => "⚠",
    };

    private static string KindText(ChartAnnotationKind kind) => kind switch
    {
        ChartAnnotationKind.TrafficChange => "traffic change",
        ChartAnnotationKind.PhaseChange => "phase change",
        ChartAnnotationKind.Hold => "hold",
        ChartAnnotationKind.Rollback => "rollback",
        _ => "incident",
    };

    // Flags closer than a label's width to the one before take the next row, so none hides another.
    private List<(ChartAnnotation Annotation, int Row)> Flags()
    {
        var placed = new List<(ChartAnnotation Annotation, int Row)>();
        var rowEnds = new double[2];
        foreach (var annotation in Shown)
        {
            var x = X(annotation.At);
            var row = Array.FindIndex(rowEnds, end => x >= end);
            row = row < 0 ? 0 : row;
            rowEnds[row] = x + 8 + (annotation.Label.Length * 6);
            placed.Add((annotation, row));
        }

        return placed;
    }

    private void Pick(string text, DateTimeOffset? at = null) => _picked = _picked is { } shown && shown.Text == text ? null : new Picked(text, at);

    private string AnnotationText(ChartAnnotation annotation) => $"{_display.Stamp(annotation.At)} — {annotation.Detail}";

    private string HoverText(DateTimeOffset at)
    {
        var values = Lines.Select(line => $"{line.Name} {PointText(line.Points.FirstOrDefault(p => Covering(p, at)))}");
        return $"{_display.Stamp(at)} · {string.Join(" · ", values)}";
    }

    // A merged point answers for every bucket it covers.
    private bool Covering(SeriesPoint point, DateTimeOffset at) =>
        point.Time == at || (point.Covers > Bucket && point.Time <= at && at < point.Time + point.Covers);

    private string PointText(SeriesPoint point)
    {
        if (point.Value is not { } value)
        {
            return "no data";
        }

        var events = Events is { } unit && point.Events is { } count ? $" of {count:0} {unit}" : string.Empty;
        var span = point.Covers > Bucket ? $" over {AgeText.Format(point.Covers)}" : string.Empty;
        return $"{FormatValue(value)}{events}{span}";
    }

    /// <summary>"canary points hold ≥ 200 requests" when thin buckets of a line were merged; null when none were.</summary>
    private string? MergedNote
    {
        get
        {
            var merged = Lines.Where(line => line.Points.Any(p => p.Covers > Bucket)).Select(line => line.Name.ToLowerInvariant()).ToList();
            return merged.Count > 0 && MinimumEvents is { } minimum && Events is { } events
                ? $"{string.Join(" and ", merged)} points hold ≥ {minimum} {events}"
                : null;
        }
    }

    private string Summary()
    {
        var latest = Lines.Select(line => line.Points.LastOrDefault(p => p.Value is not null) is { Value: { } value } last
            ? $"{line.Name.ToLowerInvariant()} {FormatValue(value)} at {UtcTime.Clock(last.Time)}"
            : $"{line.Name.ToLowerInvariant()} no data");
        var threshold = ThresholdText is { } text ? $"; threshold {text}" : string.Empty;
        var marks = Shown.Count == 0
            ? "no events marked"
            : string.Join("; ", Shown.Select(a => $"{KindText(a.Kind)} at {UtcTime.Clock(a.At)}: {a.Label}"));
        return $"{Name} from {UtcTime.Stamp(From)} to {UtcTime.Stamp(To)}: {string.Join(", ", latest)}{threshold}; {marks}.";
    }

    public async ValueTask DisposeAsync()
    {
        Display.Changed -= OnDisplayChanged;
        if (_self is not null)
        {
            try
            {
                await Js.InvokeVoidAsync(DetachFunction, _svg);
            }
            catch (JSDisconnectedException)
            {
                // The page is gone with its listeners.
            }

            _self.Dispose();
        }
    }

    /// <summary>What a tap chose: a bucket (its time, to mark its column) or a mark's words.</summary>
    private sealed record Picked(string Text, DateTimeOffset? At);
}
