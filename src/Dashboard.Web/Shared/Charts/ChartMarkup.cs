using System.Net;
using System.Text;
using Dashboard.Core.Metrics;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Shared.Charts;

/// <summary>
/// The parts of a chart's SVG that nobody clicks — the value grid with its labels, the time ticks with theirs, the
/// threshold line and the lines themselves — written once per <see cref="ChartDrawing"/> as markup. Blazor keeps a
/// markup block as one frame holding one string, and the drawing is shared, so every open page that shows the same
/// chart holds the same string; drawn as elements, each page kept a frame and a number string per attribute, twice
/// (a component's last two render trees). The elements and their test ids are those the chart always had.
/// </summary>
public static class ChartMarkup
{
    /// <summary>The value grid and labels, the time ticks and labels (UTC, and local time under them) and the threshold line.</summary>
    public static MarkupString Axes(ChartDrawing drawing)
    {
        ArgumentNullException.ThrowIfNull(drawing);
        var area = drawing.Layout.Area;
        var svg = new StringBuilder(2048);
        foreach (var tick in drawing.Scale.Ticks)
        {
            var y = drawing.Y(tick);
            svg.Append("<g>");
            Element(svg, "line", [("class", "time-chart__grid"), ("x1", N(area.Left)), ("x2", N(area.Right)), ("y1", N(y)), ("y2", N(y))]);
            Element(svg, "text", [("class", "time-chart__y-label"), ("x", N(area.Left - 6)), ("y", N(y + 4)), ("text-anchor", "end"), ("data-testid", "chart-y-label")], drawing.Scale.Label(tick));
            svg.Append("</g>");
        }

        foreach (var tick in drawing.Ticks)
        {
            var x = N(drawing.X(tick.At));
            svg.Append("<g>");
            Element(svg, "line", [("class", "time-chart__tick"), ("x1", x), ("x2", x), ("y1", N(area.Bottom)), ("y2", N(area.Bottom + 4))]);
            Element(svg, "text", [("class", "time-chart__x-label"), ("x", x), ("y", N(area.Bottom + 16)), ("text-anchor", "middle"), ("data-testid", "chart-x-label")], tick.Utc);
            Element(svg, "text", [("class", "time-chart__x-label time-chart__x-label--local"), ("x", x), ("y", N(area.Bottom + 30)), ("text-anchor", "middle"), ("data-testid", "chart-x-local")], tick.Local ?? string.Empty);
            svg.Append("</g>");
        }

        if (drawing.Layout.Threshold is { } threshold)
        {
            var y = N(drawing.Y(threshold));
            Element(svg, "line", [("class", "time-chart__threshold"), ("x1", N(area.Left)), ("x2", N(area.Right)), ("y1", y), ("y2", y), ("data-testid", "chart-threshold")]);
        }

        return new MarkupString(svg.ToString());
    }

    /// <summary>Each line as a group of its paths and dots, classed and marked by its cohort.</summary>
    public static MarkupString Lines(ChartDrawing drawing)
    {
        ArgumentNullException.ThrowIfNull(drawing);
        var svg = new StringBuilder(drawing.Lines.Sum(line => line.Paths.Sum(path => path.Length + 40) + (line.Dots.Count * 60) + 100));
        foreach (var (line, drawn) in drawing.Source.Zip(drawing.Lines))
        {
            svg.Append("<g class=\"time-chart__line time-chart__line--").Append(CssOf(line.Cohort))
                .Append("\" data-testid=\"chart-line\" data-cohort=\"").Append(line.Cohort.ToString()).Append("\">");
            foreach (var path in drawn.Paths)
            {
                Element(svg, "path", [("d", path), ("data-testid", "chart-segment")]);
            }

            foreach (var dot in drawn.Dots)
            {
                Element(svg, "circle", [("cx", dot.X), ("cy", dot.Y), ("r", "3"), ("data-testid", "chart-dot")]);
            }

            svg.Append("</g>");
        }

        return new MarkupString(svg.ToString());
    }

    /// <summary>A cohort's CSS modifier ("canary", "baseline"): its colour in the lines and the legend.</summary>
    public static string CssOf(Cohort cohort) => cohort == Cohort.Canary ? "canary" : "baseline";

    private static void Element(StringBuilder svg, string name, (string Name, string Value)[] attributes, string? text = null)
    {
        svg.Append('<').Append(name);
        foreach (var (attribute, value) in attributes)
        {
            svg.Append(' ').Append(attribute).Append("=\"").Append(WebUtility.HtmlEncode(value)).Append('"');
        }

        if (text is null)
        {
            svg.Append(" />");
        }
        else
        {
            svg.Append('>').Append(WebUtility.HtmlEncode(text)).Append("</").Append(name).Append('>');
        }
    }

    private static string N(double value) => ChartDrawing.Number(value);
}
