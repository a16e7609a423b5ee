using System.Text.RegularExpressions;
using Dashboard.Core.Checkpoints;
using Dashboard.Core.Evaluation;
using Dashboard.Core.Plans;
using Dashboard.Web.Features.Checkpoints.Components;
using Dashboard.Web.Features.Checkpoints.Pages;
using Dashboard.Web.Tests.TestSupport;

namespace Dashboard.Web.Tests.Checkpoints;

public sealed partial class CheckpointPageTimesTests
{
    private static readonly TimeSpan Fifteen = TimeSpan.FromMinutes(15);

    [Fact]
    public async Task Page_Timestamps_AreUtcToTheSecondWithoutFractionsOrOffsets()
    {
        await using var host = await CheckpointTestHost.CreateAsync();
        var detail = await host.StartRolloutAsync();
        // Evaluated 2.4047589 s after due: the page once printed 12:15:02.4047589+00:00.
        await host.StoreAsync(detail.Rollout.Id, CheckpointEvaluations.Canary(Fifteen, errorRate: 1.4, late: TimeSpan.FromTicks(24_047_589)));

        var page = Render(host, detail.Rollout.Id);

        var header = page.Find("[data-testid=checkpoint-header]").TextContent;
        Assert.Contains("Due Nov 23 12:15:00 UTC · evaluated Nov 23 12:15:02 UTC", Squeeze(header), StringComparison.Ordinal);
        Assert.Contains("window Nov 23 12:00:00 UTC → Nov 23 12:15:00 UTC", Squeeze(header), StringComparison.Ordinal);
        Assert.DoesNotMatch(RawTimestamp(), page.Markup.Replace(CheckpointEvaluations.Query, string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Page_CriteriaSharingOneQuery_PrintItOnce()
    {
        await using var host = await CheckpointTestHost.CreateAsync();
        var detail = await host.StartRolloutAsync();
        var evaluation = CheckpointEvaluations.Canary(Fifteen, errorRate: 1.4);
        var errorRate = evaluation.Criteria[0];
        var p99 = CriterionEvaluation.Judge(
            new Criterion(MetricKeys.P99Ms, Comparator.LessThan, 200, 0), "ms", 150, 150, null, CheckpointEvaluations.Query, errorRate.SampleInterval, errorRate.Samples);
        await host.StoreAsync(detail.Rollout.Id, evaluation with { Criteria = [errorRate, p99, evaluation.Criteria[1]] });

        var page = Render(host, detail.Rollout.Id);

        Assert.Single(page.FindAll("[data-testid=criterion-query]"));
        var same = page.Find("[data-testid=criterion-detail][data-metric=p99Ms] [data-testid=criterion-query-same]");
        Assert.Equal("Same InfluxQL as Error rate above: one query reads both.", Squeeze(same.TextContent));
        Assert.Equal("#criterion-errorRatePct", same.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(1, Regex.Count(page.Markup, "GROUP BY"));
    }

    [Fact]
    public async Task SampleChart_OneSampleOfAQuarterPercent_DrawsTheCanaryAndFitsTheAxisToValueAndThreshold()
    {
        await using var host = await AppTestHost.CreateAsync();
        var at = new DateTimeOffset(2026, 12, 6, 17, 6, 0, TimeSpan.Zero);
        var criterion = CriterionEvaluation.Judge(
            new Criterion(MetricKeys.ErrorRatePct, Comparator.LessThan, 1, 0.2), "%", 0.276, 0.276, null, "SELECT 1", TimeSpan.FromSeconds(10), [new IntervalSample(at, 0.276, 0.2)]);

        var chart = host.Context.Render<SampleChart>(p => p.Add(c => c.Criterion, criterion));

        Assert.Single(chart.FindAll("[data-cohort=Canary] [data-testid=chart-dot]"));
        var svg = chart.Find("[data-testid=time-chart]");
        Assert.Equal(("0", "1.25"), (svg.GetAttribute("data-y-min"), svg.GetAttribute("data-y-max")));
        var labels = chart.FindAll("[data-testid=chart-x-label]").Select(l => l.TextContent).ToList();
        Assert.Equal(labels.Count, labels.Distinct().Count());
        Assert.Equal("Time (UTC)", chart.Find("[data-testid=chart-x-title]").TextContent);
    }

    private static string Squeeze(string text) => WhiteSpace().Replace(text, " ").Trim();

    private static IRenderedComponent<CheckpointPage> Render(CheckpointTestHost host, Guid id) =>
        host.Context.Render<CheckpointPage>(p => p.Add(c => c.Id, id).Add(c => c.PhaseIndex, 0).Add(c => c.OffsetSeconds, 900L));

    // A time with a fraction of a second, or an ISO offset: never on the page (the query's own literals aside).
    [GeneratedRegex(@"\d{2}:\d{2}:\d{2}\.\d|\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}")]
    private static partial Regex RawTimestamp();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
