using Dashboard.Core.Plans;
using Dashboard.Core.Statistics;
using Dashboard.Web.Features.Checkpoints.Components;
using Dashboard.Web.Tests.TestSupport;

namespace Dashboard.Web.Tests.Checkpoints;

/// <summary>The statistical comparison panel on judgements made by Core's canary judge from known samples.</summary>
public sealed class StatisticalComparisonPanelTests
{
    private static readonly double[] Baseline = [0.30, 0.31, 0.29, 0.32, 0.30, 0.31, 0.29, 0.30, 0.32, 0.31];

    private static IRenderedComponent<StatisticalComparisonPanel> Render(AppTestHost host, CanaryJudgement? judgement) =>
        host.Context.Render<StatisticalComparisonPanel>(p => p.Add(x => x.Judgement, judgement));

    [Fact]
    public async Task Panel_CanaryClearlyWorseOnErrors_ShowsTheFailingMetricWithItsFigures()
    {
        await using var host = new AppTestHost();
        var judgement = new CanaryJudge(new CanaryJudgeOptions()).Judge(
        [
            new MetricSamples(MetricKeys.ErrorRatePct, [.. Baseline.Select(v => v + 2)], Baseline, HarmfulDirection.Increase),
            new MetricSamples(MetricKeys.P99Ms, [120, 121, 119, 122, 120, 118, 121, 120, 119, 122], [120, 122, 119, 121, 120, 119, 121, 122, 118, 120], HarmfulDirection.Increase),
        ]);

        var panel = Render(host, judgement);

        Assert.Equal("FAIL", panel.Find("[data-testid=comparison-classification]").TextContent);
        Assert.Contains("score 50", panel.Find("[data-testid=comparison-score]").TextContent, StringComparison.Ordinal);
        var rows = panel.FindAll("[data-testid=comparison-row]");
        Assert.Equal(["High", "Pass"], rows.Select(r => r.GetAttribute("data-classification")));
        Assert.Contains("10 / 10", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("1.00", rows[0].TextContent, StringComparison.Ordinal); // rank-biserial: every canary sample above every baseline one
    }

    [Fact]
    public async Task Panel_TooFewSamples_SaysNoDataNeverPass()
    {
        await using var host = new AppTestHost();
        var judgement = new CanaryJudge(new CanaryJudgeOptions()).Judge([new MetricSamples(MetricKeys.ErrorRatePct, [0.3], [0.3, 0.31], HarmfulDirection.Increase)]);

        var panel = Render(host, judgement);

        Assert.Equal("NODATA", panel.Find("[data-testid=comparison-classification]").TextContent);
        Assert.Equal("NoData", panel.Find("[data-testid=comparison-row]").GetAttribute("data-classification"));
        Assert.Empty(panel.FindAll("[data-testid=comparison-score]"));
    }

    [Fact]
    public async Task Panel_WithoutComparison_SaysWhy()
    {
        await using var host = new AppTestHost();

        var panel = Render(host, null);

        Assert.Contains("No comparison", panel.Find("[data-testid=comparison-none]").TextContent, StringComparison.Ordinal);
    }
}
