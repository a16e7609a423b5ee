using System.Globalization;
using System.Text;
using Dashboard.Web.Shared.Time;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Shared.Charts;

/// <summary>
/// What a chart draws of its lines, in the drawing's units: the value axis fitted to the values and the threshold,
/// the time axis's ticks, the x of every bucket (for the browser's hover), each line as compact path data, and the
/// markup of all that nobody clicks (<see cref="ChartMarkup"/>). Immutable, so that every open page showing the same
/// data holds the same strings instead of a copy each (<see cref="ChartDrawings"/>, docs/performance.md).
/// </summary>
public sealed class ChartDrawing
{
    // Every point gets a dot while a line has few; a point alone between gaps always does, or it would not show.
    private const int DotsUpTo = 60;

    private ChartDrawing(IReadOnlyList<ChartLine> source, ChartLayout layout, ValueScale scale)
    {
        Source = source;
        Layout = layout;
        Scale = scale;
        Ticks = TimeAxis.Ticks(layout.From, layout.To, layout.Display);
        Columns = [.. source.SelectMany(line => line.Points).Select(point => point.Time).Distinct().Order()];
        ColumnsText = string.Join(' ', Columns.Select(at => Number(X(at))));
        Lines = [.. source.Select(Draw)];
        AxesMarkup = ChartMarkup.Axes(this);
        LinesMarkup = ChartMarkup.Lines(this);
    }

    /// <summary>A drawing of no line, for a chart not yet measured.</summary>
    public static ChartDrawing Empty { get; } = Draw([], new ChartLayout(default, default, TimeSpan.Zero, Threshold: null, default, TimeDisplay.UtcOnly));

    /// <summary>The lines this was drawn from (their points are what a drawing is shared by).</summary>
    public IReadOnlyList<ChartLine> Source { get; }

    /// <summary>Where the lines were drawn: range, bucket, threshold, box and time display.</summary>
    public ChartLayout Layout { get; }

    /// <summary>The value axis: fits the values and the threshold.</summary>
    public ValueScale Scale { get; }

    /// <summary>Each moment that any line has a point at, in time order: the buckets a pointer can be over.</summary>
    public IReadOnlyList<DateTimeOffset> Columns { get; }

    /// <summary>The x of each of <see cref="Columns"/> in the drawing, space-separated (<c>data-columns</c>).</summary>
    public string ColumnsText { get; }

    /// <summary>The labels of the time axis (<see cref="TimeAxis"/>).</summary>
    public IReadOnlyList<TimeTick> Ticks { get; }

    /// <summary>Each of <see cref="Source"/>'s lines as drawn, in the same order.</summary>
    public IReadOnlyList<LineDrawing> Lines { get; }

    /// <summary>The value grid, the time ticks and the threshold line (<see cref="ChartMarkup.Axes"/>).</summary>
    public MarkupString AxesMarkup { get; }

    /// <summary>The lines (<see cref="ChartMarkup.Lines"/>).</summary>
    public MarkupString LinesMarkup { get; }

    /// <summary>Draws <paramref name="lines"/> into <paramref name="layout"/>.</summary>
    public static ChartDrawing Draw(IReadOnlyList<ChartLine> lines, ChartLayout layout)
    {
        ArgumentNullException.ThrowIfNull(lines);
        List<double> values = [.. lines.SelectMany(line => line.Points).Select(point => point.Value).OfType<double>()];
        if (layout.Threshold is { } threshold)
        {
            values.Add(threshold);
        }

        return new ChartDrawing(lines, layout, ValueScale.Fit(values));
    }

    /// <summary>The x of <paramref name="at"/> in the drawing; the middle when the range is empty.</summary>
    public double X(DateTimeOffset at)
    {
        var (from, to, area) = (Layout.From, Layout.To, Layout.Area);
        return to > from ? area.Left + ((at - from) / (to - from) * area.Width) : area.Left + (area.Width / 2);
    }

    /// <summary>The y of <paramref name="value"/> in the drawing.</summary>
    public double Y(double value) => Layout.Area.Bottom - ((value - Scale.Min) / (Scale.Max - Scale.Min) * Layout.Area.Height);

    /// <summary>A coordinate as the drawing writes it: to a tenth of a unit, far finer than a pixel of the chart.</summary>
    public static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private LineDrawing Draw(ChartLine line)
    {
        var segments = LineSegments.Of(line.Points, Layout.Bucket);
        var dotted = segments.Sum(s => s.Count) <= DotsUpTo ? segments : segments.Where(s => s.Count == 1);
        return new LineDrawing(
            [.. segments.Where(s => s.Count > 1).Select(s => PathOf(Thinned(s)))],
            [.. dotted.SelectMany(s => s).Select(point => new Dot(Number(X(point.At)), Number(Y(point.Value))))]);
    }

    // About one point per unit of width (a unit is about a pixel; LiveMetrics:ChartPoints may ask for more): a denser run
    // keeps, of each unit-wide column, its lowest and its highest point in time order, so a spike one bucket wide still
    // reaches its full height and a dip its depth.
    private IReadOnlyList<(DateTimeOffset At, double Value)> Thinned(IReadOnlyList<(DateTimeOffset At, double Value)> segment)
    {
        if (segment.Count <= Layout.Area.Width)
        {
            return segment;
        }

        var kept = new List<(DateTimeOffset At, double Value)>();
        var start = 0;
        while (start < segment.Count)
        {
            var column = Math.Floor(X(segment[start].At));
            var (end, low, high) = (start, start, start);
            while (end + 1 < segment.Count && Math.Floor(X(segment[end + 1].At)) == column)
            {
                end++;
                low = segment[end].Value < segment[low].Value ? end : low;
                high = segment[end].Value > segment[high].Value ? end : high;
            }

            kept.Add(segment[Math.Min(low, high)]);
            if (low != high)
            {
                kept.Add(segment[Math.Max(low, high)]);
            }

            start = end + 1;
        }

        return kept;
    }

    // "M56,120.3l2.4-1.3 2.4,0.5 …": the first point absolute, every next one relative to the one before. The offsets are
    // taken between coordinates already rounded to tenths, so they add up to the rounded points exactly; a third fewer
    // characters than absolute "L" pairs, and a circuit holds these strings for as long as a chart is open.
    private string PathOf(IReadOnlyList<(DateTimeOffset At, double Value)> segment)
    {
        var path = new StringBuilder(segment.Count * 9);
        var (x, y) = Tenths(segment[0]);
        path.Append('M').Append(Tenths(x)).Append(',').Append(Tenths(y)).Append('l');
        for (var i = 1; i < segment.Count; i++)
        {
            var (nextX, nextY) = Tenths(segment[i]);
            var (dx, dy) = (nextX - x, nextY - y);
            // A minus sign separates two numbers by itself.
            path.Append(i == 1 || dx < 0 ? string.Empty : " ").Append(Tenths(dx)).Append(dy < 0 ? string.Empty : ",").Append(Tenths(dy));
            (x, y) = (nextX, nextY);
        }

        return path.ToString();
    }

    private (long X, long Y) Tenths((DateTimeOffset At, double Value) point) =>
        ((long)Math.Round(X(point.At) * 10, MidpointRounding.AwayFromZero), (long)Math.Round(Y(point.Value) * 10, MidpointRounding.AwayFromZero));

    private static string Tenths(long tenths) => (tenths / 10.0).ToString("0.#", CultureInfo.InvariantCulture);
}
