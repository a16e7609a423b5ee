using System.Globalization;
using Dashboard.Core.Metrics;
using Dashboard.Web.Shared.Charts;
using Dashboard.Web.Shared.Components.Charts;
using Dashboard.Web.Tests.TestSupport;

namespace Dashboard.Web.Tests.Shared;

public sealed class TimeChartTests
{
    private static readonly DateTimeOffset T0 = AppTestHost.T0;
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Hover_EveryBucket_CarriesItsTimeAndEachLinesValue()
    {
        await using var host = await AppTestHost.CreateAsync();

        var chart = Render(host, [Line(Cohort.Baseline, 0.2, 0.21, 0.19), Line(Cohort.Canary, 0.3, null, 0.35)]);

        // The browser finds the bucket under the pointer by its x and asks the chart for its words.
        Assert.Equal(["56", "113", "170"], Columns(chart).Select(x => x.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(
            ["Nov 23 12:00:00 UTC · Baseline 0.2 % · Canary 0.3 %", "Nov 23 12:01:00 UTC · Baseline 0.21 % · Canary no data", "Nov 23 12:02:00 UTC · Baseline 0.19 % · Canary 0.35 %"],
            Enumerable.Range(0, 3).Select(chart.Instance.HoverTextAt));
    }

    [Fact]
    public async Task Tap_ABucket_WritesItsTimeAndValuesUnderTheChart_AndASecondTapHidesThem()
    {
        await using var host = await AppTestHost.CreateAsync();
        var chart = Render(host, [Line(Cohort.Baseline, 0.2, 0.21, 0.19), Line(Cohort.Canary, 0.3, null, 0.35)]);

        await chart.InvokeAsync(() => chart.Instance.PickColumn(1));
        var picked = chart.Find("[data-testid=chart-picked]").TextContent;
        var pickedAt = chart.Find("[data-testid=chart-picked-at]").GetAttribute("x1");
        await chart.InvokeAsync(() => chart.Instance.PickColumn(1));

        Assert.Equal("Nov 23 12:01:00 UTC · Baseline 0.21 % · Canary no data", picked);
        Assert.Equal("113", pickedAt);
        Assert.Empty(chart.FindAll("[data-testid=chart-picked]"));
        Assert.Empty(chart.FindAll("[data-testid=chart-picked-at]"));
    }

    [Fact]
    public async Task Line_NullBucket_BreaksTheLine()
    {
        await using var host = await AppTestHost.CreateAsync();

        var chart = Render(host, [Line(Cohort.Baseline, 1, 2, 3, 4, 5), Line(Cohort.Canary, 1, 2, null, 4, 5)]);

        Assert.Single(chart.FindAll("[data-cohort=Baseline] [data-testid=chart-segment]"));
        var canary = chart.FindAll("[data-cohort=Canary] [data-testid=chart-segment]");
        Assert.Equal(2, canary.Count);
        Assert.All(canary, path => Assert.Equal(2, ChartDrawingTests.Absolute(path.GetAttribute("d")!).Count));
    }

    [Fact]
    public async Task Line_MissingBucket_BreaksTheLine()
    {
        await using var host = await AppTestHost.CreateAsync();
        int[] minutes = [0, 1, 2, 5, 6];
        SeriesPoint[] points = [.. minutes.Select(m => new SeriesPoint(T0 + (m * Minute), 1.0 + m))];

        var chart = Render(host, [new ChartLine(Cohort.Canary, points)]);

        Assert.Equal(2, chart.FindAll("[data-cohort=Canary] [data-testid=chart-segment]").Count);
    }

    [Fact]
    public async Task MergedPoint_AnswersForEveryBucketItCovers_WithItsRequests_AndTheAxisTitleSaysWhy()
    {
        await using var host = await AppTestHost.CreateAsync();
        var baseline = Line(Cohort.Baseline, 0.2, 0.21, 0.19, 0.2);
        var canary = new ChartLine(Cohort.Canary,
        [
            new SeriesPoint(T0, 0.5) { Covers = 2 * Minute, Events = 200 },
            new SeriesPoint(T0 + (2 * Minute), 0.0) { Covers = 2 * Minute, Events = 210 },
        ]);

        var chart = Render(host, [baseline, canary], minimumRequests: 200);

        Assert.Equal("Nov 23 12:01:00 UTC · Baseline 0.21 % · Canary 0.5 % of 200 requests over 2 min 0 s", chart.Instance.HoverTextAt(1));
        // Two merged points side by side are one line, not two dots.
        Assert.Single(chart.FindAll("[data-cohort=Canary] [data-testid=chart-segment]"));
        Assert.Equal(" · canary points hold ≥ 200 requests", chart.Find("[data-testid=chart-merged]").TextContent);
    }

    [Fact]
    public async Task Legend_NoMergedPoint_SaysNothingAboutMerging()
    {
        await using var host = await AppTestHost.CreateAsync();

        var chart = Render(host, [Line(Cohort.Baseline, 0.2, 0.21), Line(Cohort.Canary, 0.3, 0.35)], minimumRequests: 200);

        Assert.Empty(chart.FindAll("[data-testid=chart-merged]"));
    }

    [Fact]
    public async Task OneSample_DrawsThePointAsADot()
    {
        await using var host = await AppTestHost.CreateAsync();

        var chart = Render(host, [Line(Cohort.Baseline, 0.2), Line(Cohort.Canary, 0.276)], to: T0 + Minute);

        Assert.Empty(chart.FindAll("[data-testid=chart-segment]"));
        Assert.Single(chart.FindAll("[data-cohort=Canary] [data-testid=chart-dot]"));
        Assert.Single(chart.FindAll("[data-cohort=Baseline] [data-testid=chart-dot]"));
    }

    [Fact]
    public async Task ValueAxis_FitsTheValuesAndTheThreshold()
    {
        await using var host = await AppTestHost.CreateAsync();

        var withThreshold = Render(host, [Line(Cohort.Baseline, 0.2), Line(Cohort.Canary, 0.276)], threshold: 1, to: T0 + Minute);
        var without = Render(host, [Line(Cohort.Baseline, 0.2), Line(Cohort.Canary, 0.276)], to: T0 + Minute);

        Assert.Equal((0, 1.25), Range(withThreshold));
        var (min, max) = Range(without);
        Assert.True(min >= 0.1 && min <= 0.2 && max >= 0.276 && max <= 0.4, $"y from {min} to {max} for values 0.2 and 0.276");
        Assert.Contains(withThreshold.FindAll("[data-testid=chart-y-label]"), label => label.TextContent == "1.00");
    }

    [Theory]
    [InlineData(50, 10)]
    [InlineData(5 * 60, 60)]
    [InlineData(60 * 60, 60)]
    [InlineData(36 * 60 * 60, 120)]
    public async Task TimeAxis_Labels_NeverRepeat(int spanSeconds, int stepSeconds)
    {
        await using var host = await AppTestHost.CreateAsync();
        var from = new DateTimeOffset(2026, 12, 6, 17, 6, 0, TimeSpan.Zero);
        var step = TimeSpan.FromSeconds(stepSeconds);
        SeriesPoint[] points = [.. Enumerable.Range(0, spanSeconds / stepSeconds).Select(i => new SeriesPoint(from + (i * step), 0.3))];

        var chart = Render(host, [new ChartLine(Cohort.Canary, points)], from: from, to: from.AddSeconds(spanSeconds), bucket: step);

        var labels = chart.FindAll("[data-testid=chart-x-label]").Select(l => l.TextContent).ToList();
        Assert.True(labels.Count >= 2, string.Join(", ", labels));
        Assert.Equal(labels.Count, labels.Distinct().Count());
    }

    [Fact]
    public async Task Axes_SayUtc_AndNoLocalTimeForSomeoneWhoDidNotAskForIt()
    {
        await using var host = await AppTestHost.CreateAsync();

        var chart = Render(host, [Line(Cohort.Canary, 0.3, 0.4)]);

        Assert.Equal("Time (UTC)", chart.Find("[data-testid=chart-x-title]").TextContent);
        Assert.All(chart.FindAll("[data-testid=chart-x-local]"), local => Assert.Empty(local.TextContent));
        Assert.Contains("from Nov 23 12:00:00 UTC to Nov 23 12:10:00 UTC", chart.Find("[data-testid=time-chart]").GetAttribute("aria-label"), StringComparison.Ordinal);
        Assert.Equal("img", chart.Find("[data-testid=time-chart]").GetAttribute("role"));
    }

    [Fact]
    public async Task Annotations_EachKind_MarkedWithItsOwnLabelAndDetail()
    {
        await using var host = await AppTestHost.CreateAsync();
        ChartAnnotation[] annotations =
        [
            new(T0 + Minute, ChartAnnotationKind.TrafficChange, "10 %", "traffic 1 → 10 % by alice: looks good"),
            new(T0 + (2 * Minute), ChartAnnotationKind.PhaseChange, "ramp", "phase canary → ramp"),
            new(T0 + (3 * Minute), ChartAnnotationKind.Hold, "hold", "phase ramp held by erin: p99"),
            new(T0 + (4 * Minute), ChartAnnotationKind.Rollback, "rollback", "rolled back from 10 %"),
            new(T0 + (5 * Minute), ChartAnnotationKind.Incident, "incident (critical)", "critical incident opened by dave: 5xx"),
            new(T0 + (30 * Minute), ChartAnnotationKind.Hold, "later", "outside the range"),
        ];

        var chart = Render(host, [Line(Cohort.Canary, 0.3, 0.4)], annotations: annotations);

        var marks = chart.FindAll("[data-testid=chart-annotation]");
        Assert.Equal(["TrafficChange", "PhaseChange", "Hold", "Rollback", "Incident"], marks.Select(m => m.GetAttribute("data-kind")));
        Assert.Equal(5, marks.Select(m => m.ClassName).Distinct().Count());
        Assert.Equal("⏸ hold", marks[2].QuerySelector("text")!.TextContent);
        Assert.Equal("Nov 23 12:03:00 UTC — phase ramp held by erin: p99", marks[2].QuerySelector("title")!.TextContent);
        Assert.Contains("hold at 12:03:00 UTC: hold", chart.Find("[data-testid=time-chart]").GetAttribute("aria-label"), StringComparison.Ordinal);
        marks[2].Click();
        Assert.Equal("Nov 23 12:03:00 UTC — phase ramp held by erin: p99", chart.Find("[data-testid=chart-picked]").TextContent);
    }

    [Fact]
    public async Task Chart_AnHourOfFiveSecondPoints_DrawsOnePathPerLine_WithNoElementOrHandlerPerPoint()
    {
        await using var host = await AppTestHost.CreateAsync();
        var step = TimeSpan.FromSeconds(5);
        ChartLine[] lines = [.. new[] { Cohort.Baseline, Cohort.Canary }.Select(cohort =>
            new ChartLine(cohort, [.. Enumerable.Range(0, 720).Select(i => new SeriesPoint(T0 + (i * step), 0.2 + (i % 7 * 0.01)) { Events = 100 })]))];

        var chart = Render(host, lines, to: T0 + (720 * step), bucket: step);

        Assert.Single(chart.FindAll("[data-cohort=Baseline] path"));
        Assert.Single(chart.FindAll("[data-cohort=Canary] path"));
        Assert.Empty(chart.FindAll("circle"));
        // Every event handler the server holds shows in bUnit's markup as a blazor:on… attribute: none here.
        Assert.DoesNotContain("blazor:on", chart.Markup, StringComparison.Ordinal);
        Assert.True(chart.FindAll("*").Count < 100, $"{chart.FindAll("*").Count} elements for 1,440 points");
        Assert.Equal(720, Columns(chart).Count);
        Assert.Equal("Nov 23 12:59:55 UTC · Baseline 0.25 % of 100 requests · Canary 0.25 % of 100 requests", chart.Instance.HoverTextAt(719));
    }

    [Fact]
    public async Task Chart_BindsTheBrowserOnce_AndAskingOutsideItsBucketsGetsNoWords()
    {
        await using var host = await AppTestHost.CreateAsync();

        var chart = Render(host, [Line(Cohort.Baseline, 0.2, 0.21)]);
        chart.Render();
        chart.Render();

        Assert.Single(host.Context.JSInterop.Invocations, i => i.Identifier == TimeChart.AttachFunction);
        Assert.Equal(string.Empty, chart.Instance.HoverTextAt(2));
        Assert.Equal(string.Empty, chart.Instance.HoverTextAt(-1));
    }

    private static List<double> Columns(IRenderedComponent<TimeChart> chart) =>
        [.. chart.Find("[data-testid=time-chart]").GetAttribute("data-columns")!.Split(' ').Select(x => double.Parse(x, CultureInfo.InvariantCulture))];

    private static (double Min, double Max) Range(IRenderedComponent<TimeChart> chart)
    {
        var svg = chart.Find("[data-testid=time-chart]");
        return (double.Parse(svg.GetAttribute("data-y-min")!, CultureInfo.InvariantCulture), double.Parse(svg.GetAttribute("data-y-max")!, CultureInfo.InvariantCulture));
    }

    private static ChartLine Line(Cohort cohort, params double?[] values) =>
        new(cohort, [.. values.Select((value, i) => new SeriesPoint(T0 + (i * Minute), value))]);

    internal static IRenderedComponent<TimeChart> Render(
        AppTestHost host, IReadOnlyList<ChartLine> lines, double? threshold = null, IReadOnlyList<ChartAnnotation>? annotations = null,
        DateTimeOffset? from = null, DateTimeOffset? to = null, TimeSpan? bucket = null, int? minimumRequests = null) =>
        host.Context.Render<TimeChart>(p => p
            .Add(c => c.Name, "Error rate")
            .Add(c => c.Lines, lines)
            .Add(c => c.From, from ?? T0)
            .Add(c => c.To, to ?? T0 + (10 * Minute))
            .Add(c => c.Bucket, bucket ?? Minute)
            .Add(c => c.FormatValue, value => value.ToString("0.###", CultureInfo.InvariantCulture) + " %")
            .Add(c => c.Unit, "%")
            .Add(c => c.Threshold, threshold)
            .Add(c => c.ThresholdText, threshold is { } t ? $"< {t} %" : null)
            .Add(c => c.Annotations, annotations ?? [])
            .Add(c => c.Events, "requests")
            .Add(c => c.MinimumEvents, minimumRequests));
}
