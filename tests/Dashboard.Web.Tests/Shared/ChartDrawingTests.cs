using System.Globalization;
using System.Text.RegularExpressions;
using Dashboard.Core.Metrics;
using Dashboard.Web.Shared.Charts;
using Dashboard.Web.Shared.Time;

namespace Dashboard.Web.Tests.Shared;

/// <summary>
/// <see cref="ChartDrawing"/> in a 100 × 100 box over ten minutes (a minute is 10 units wide) and the sharing of drawings
/// between pages (<see cref="ChartDrawings"/>).
/// </summary>
public sealed partial class ChartDrawingTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private static readonly ChartLayout TenMinutes = new(T0, T0 + (10 * Minute), Minute, Threshold: null, new PlotArea(0, 100, 0, 100), TimeDisplay.UtcOnly);

    [Fact]
    public void Path_FirstPointAbsolute_NextOnesRelative_InTenths()
    {
        // Values 0, 0.5 and 1 get an axis of 0–1.5: y 100, 66.7 and 33.3.
        var drawing = ChartDrawing.Draw([Line(Cohort.Canary, 0, 0.5, 1)], TenMinutes);

        Assert.Equal(["M0,100l10-33.3 10-33.4"], drawing.Lines[0].Paths);
    }

    [Fact]
    public void Path_ManyPoints_ReachesEveryPointWithinHalfATenth()
    {
        // 500 points on the dashboard's 570-unit-wide plot: the offsets of a long path must not drift.
        var step = TimeSpan.FromSeconds(5);
        var random = new Random(14);
        SeriesPoint[] points = [.. Enumerable.Range(0, 500).Select(i => new SeriesPoint(T0 + (i * step), random.NextDouble()))];
        var layout = new ChartLayout(T0, T0 + (500 * step), step, Threshold: null, new PlotArea(56, 626, 30, 192), TimeDisplay.UtcOnly);

        var drawing = ChartDrawing.Draw([new ChartLine(Cohort.Baseline, points)], layout);

        var drawn = Absolute(Assert.Single(drawing.Lines[0].Paths));
        Assert.Equal(500, drawn.Count);
        Assert.All(points.Zip(drawn), pair =>
        {
            Assert.InRange(pair.Second.X - drawing.X(pair.First.Time), -0.051, 0.051);
            Assert.InRange(pair.Second.Y - drawing.Y(pair.First.Value!.Value), -0.051, 0.051);
        });
    }

    [Fact]
    public void Path_MorePointsThanUnitsOfWidth_KeepsASingleSpikeAtItsFullHeight()
    {
        // 5,000 buckets of 0.3 % on a 100-unit-wide plot, one of them 4 %: one bucket in fifty per unit of width.
        var step = TimeSpan.FromSeconds(1);
        SeriesPoint[] points = [.. Enumerable.Range(0, 5000).Select(i => new SeriesPoint(T0 + (i * step), i == 3217 ? 4.0 : 0.3))];
        var layout = new ChartLayout(T0, T0 + (5000 * step), step, Threshold: null, new PlotArea(0, 100, 0, 100), TimeDisplay.UtcOnly);

        var drawing = ChartDrawing.Draw([new ChartLine(Cohort.Canary, points)], layout);

        var drawn = Absolute(Assert.Single(drawing.Lines[0].Paths));
        Assert.InRange(drawn.Count, 100, 201);
        var top = drawn.MinBy(point => point.Y);
        Assert.Equal(drawing.Y(4.0), top.Y, 0.051);
        Assert.Equal(drawing.X(T0 + (3217 * step)), top.X, 0.051);
        Assert.All(drawn.Where(point => point != top), point => Assert.Equal(drawing.Y(0.3), point.Y, 0.051));
    }

    [Fact]
    public void Columns_EveryBucketOfAnyLine_InTimeOrder()
    {
        var drawing = ChartDrawing.Draw([Line(Cohort.Baseline, 0.2, 0.21, null), Line(Cohort.Canary, null, 0.3, 0.35, 0.4)], TenMinutes);

        Assert.Equal([T0, T0 + Minute, T0 + (2 * Minute), T0 + (3 * Minute)], drawing.Columns);
        Assert.Equal("0 10 20 30", drawing.ColumnsText);
    }

    [Fact]
    public void For_TwoPagesChartingTheSamePoints_ShareOneDrawing()
    {
        var baseline = Line(Cohort.Baseline, 0.2, 0.21, 0.19).Points;
        var canary = Line(Cohort.Canary, 0.3, 0.4, 0.35).Points;

        // Each page wraps the snapshot's points in lines of its own.
        var onePage = ChartDrawings.For([new ChartLine(Cohort.Baseline, baseline), new ChartLine(Cohort.Canary, canary)], TenMinutes);
        var otherPage = ChartDrawings.For([new ChartLine(Cohort.Baseline, baseline), new ChartLine(Cohort.Canary, canary)], TenMinutes);

        Assert.Same(onePage, otherPage);
    }

    [Fact]
    public void For_OtherPointsOrLayout_DrawsAnew()
    {
        var baseline = Line(Cohort.Baseline, 0.2, 0.21, 0.19).Points;
        var canary = Line(Cohort.Canary, 0.3, 0.4, 0.35).Points;
        var drawn = ChartDrawings.For([new ChartLine(Cohort.Baseline, baseline), new ChartLine(Cohort.Canary, canary)], TenMinutes);

        var newerCanary = ChartDrawings.For([new ChartLine(Cohort.Baseline, baseline), Line(Cohort.Canary, 0.3, 0.4, 0.35)], TenMinutes);
        var withThreshold = ChartDrawings.For([new ChartLine(Cohort.Baseline, baseline), new ChartLine(Cohort.Canary, canary)], TenMinutes with { Threshold = 1 });

        Assert.NotSame(drawn, newerCanary);
        Assert.NotSame(drawn, withThreshold);
        Assert.Equal(1.25, withThreshold.Scale.Max);
        Assert.Same(drawn, ChartDrawings.For([new ChartLine(Cohort.Baseline, baseline), new ChartLine(Cohort.Canary, canary)], TenMinutes));
    }

    /// <summary>The points a path's data reaches, in order: "M" absolute, "l" relative to the point before.</summary>
    internal static List<(double X, double Y)> Absolute(string path)
    {
        var match = PathData().Match(path);
        Assert.True(match.Success, path);
        var numbers = Number().Matches(match.Groups["relative"].Value).Select(n => double.Parse(n.Value, CultureInfo.InvariantCulture)).ToList();
        var point = (X: double.Parse(match.Groups["x"].Value, CultureInfo.InvariantCulture), Y: double.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture));
        List<(double X, double Y)> points = [point];
        for (var i = 0; i + 1 < numbers.Count; i += 2)
        {
            point = (Math.Round(point.X + numbers[i], 1), Math.Round(point.Y + numbers[i + 1], 1));
            points.Add(point);
        }

        return points;
    }

    private static ChartLine Line(Cohort cohort, params double?[] values) =>
        new(cohort, [.. values.Select((value, i) => new SeriesPoint(T0 + (i * Minute), value))]);

    [GeneratedRegex(@"^M(?<x>-?[\d.]+),(?<y>-?[\d.]+)l(?<relative>[-\d., ]*)$")]
    private static partial Regex PathData();

    [GeneratedRegex(@"-?\d+(\.\d+)?")]
    private static partial Regex Number();
}
