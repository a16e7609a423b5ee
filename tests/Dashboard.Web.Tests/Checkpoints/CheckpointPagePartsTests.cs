using Dashboard.Core.Checkpoints;
using Dashboard.Web.Features.Checkpoints;
using Dashboard.Web.Features.Checkpoints.Components;
using Dashboard.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Checkpoints;

public sealed class CheckpointPagePartsTests
{
    private static readonly TimeSpan Fifteen = TimeSpan.FromMinutes(15);

    [Fact]
    public async Task CriterionTable_ShowsValuesThresholdMarginVerdictsRuleAndNoDataReason()
    {
        await using var context = new BunitContext();
        var evaluation = CheckpointEvaluations.Canary(Fifteen, errorRate: 0.9, incidents: null);

        var table = context.Render<CriterionTable>(p => p.Add(t => t.Evaluation, evaluation));

        var rows = table.FindAll("[data-testid=criterion-row]");
        Assert.Equal(["errorRatePct", "criticalIncidents"], rows.Select(r => r.GetAttribute("data-metric")));
        var cells = rows[0].QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["Error rate", "0.9 %", "0.9 %", "< 1 %", "0.2 %", "WARN", "WARN", "—"], cells.Take(8));
        Assert.Contains("WARN within 0.2% of the threshold", cells[8], StringComparison.Ordinal);
        Assert.Equal("no incident log is connected", rows[1].QuerySelector("[data-testid=criterion-nodata]")!.TextContent);
        Assert.Empty(table.FindAll("[data-testid=rerun-cumulative]"));
    }

    [Fact]
    public async Task CriterionTable_WithTrend_SaysWhichWayTheLastIntervalMoved()
    {
        await using var context = new BunitContext();
        var previous = CheckpointEvaluations.Canary(Fifteen, errorRate: 0.3);
        var evaluation = CheckpointEvaluations.Canary(TimeSpan.FromMinutes(30), errorRate: 0.8, previous: previous);

        var table = context.Render<CriterionTable>(p => p.Add(t => t.Evaluation, evaluation));

        Assert.Equal("↑ rising", table.FindAll("[data-testid=criterion-trend]")[0].TextContent);
    }

    [Fact]
    public async Task CriterionTable_WithRerun_ShowsFreshValuesBesideStoredAndMarksOnlyWhatChanged()
    {
        await using var context = new BunitContext();
        var stored = CheckpointEvaluations.Canary(Fifteen, errorRate: 0.9);
        var fresh = CheckpointEvaluations.Canary(Fifteen, errorRate: 1.3);
        var rerun = new CheckpointRerun(stored, fresh, RerunComparison.Between(stored, fresh), "erin", "late data?");

        var table = context.Render<CriterionTable>(p => p.Add(t => t.Evaluation, stored).Add(t => t.Rerun, rerun));

        var freshValues = table.FindAll("[data-testid=rerun-cumulative]");
        Assert.Equal("1.3 %", freshValues[0].TextContent.Trim());
        Assert.Equal(("true", "false"), (freshValues[0].GetAttribute("data-changed"), freshValues[1].GetAttribute("data-changed")));
        Assert.Contains("value-changed", freshValues[0].ClassName, StringComparison.Ordinal);
        Assert.Equal("true", table.FindAll("[data-testid=rerun-verdict]")[0].GetAttribute("data-changed"));
        Assert.Contains("FAIL", table.FindAll("[data-testid=rerun-verdict]")[0].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CriterionDetail_ShowsTheExactQueryEverySampleAndAChartWithTheThreshold()
    {
        // Migrated: the chart reads the viewer's local-time setting.
        await using var host = await AppTestHost.CreateAsync();
        var context = host.Context;
        var criterion = CheckpointEvaluations.Canary(Fifteen, errorRate: 1.4).Criteria[0];

        var detail = context.Render<CriterionDetail>(p => p.Add(d => d.Criterion, criterion).Add(d => d.Open, true));

        Assert.Equal(CheckpointEvaluations.Query, detail.Find("[data-testid=criterion-query]").TextContent);
        var samples = detail.FindAll("[data-testid=criterion-sample]").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent).ToList()).ToList();
        Assert.Equal([["12:00:00", "1.3 %", "0.2 %"], ["12:05:00", "1.4 %", "0.21 %"], ["12:10:00", "—", "0.19 %"]], samples);
        Assert.Contains("threshold < 1 %", detail.Find("[data-testid=sample-chart]").TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(detail.FindAll("[data-testid=sample-chart] [data-testid=chart-threshold]"));

        detail.Find("[data-testid=copy-query] button, button[data-testid=copy-query]").Click();
        Assert.Equal(CheckpointEvaluations.Query, context.JSInterop.VerifyInvoke("navigator.clipboard.writeText").Arguments[0]);
    }

    [Fact]
    public async Task CriterionDetail_CountWithoutQueryOrSamples_SaysSoInsteadOfAnEmptyChart()
    {
        await using var context = new BunitContext();
        var criterion = CheckpointEvaluations.Canary(Fifteen, errorRate: 0.3, incidents: null).Criteria[1];

        var detail = context.Render<CriterionDetail>(p => p.Add(d => d.Criterion, criterion));

        Assert.NotEmpty(detail.FindAll("[data-testid=criterion-query-none]"));
        Assert.NotEmpty(detail.FindAll("[data-testid=criterion-samples-none]"));
        Assert.Empty(detail.FindAll("[data-testid=sample-chart]"));
    }

    [Fact]
    public void Comparison_SameEvaluationTwice_FindsNoDifference()
    {
        var stored = CheckpointEvaluations.Canary(Fifteen, errorRate: 0.9);

        var changes = RerunComparison.Between(stored, CheckpointEvaluations.Canary(Fifteen, errorRate: 0.9));

        Assert.All(changes, change => Assert.False(change.Differs, change.Metric));
        Assert.Equal(CheckpointDecision.MonitorClosely, stored.SuggestedDecision);
    }
}
