using Dashboard.Core.Checkpoints;
using Dashboard.Core.Evaluation;
using Dashboard.Core.Plans;
using Dashboard.Core.Statistics;
using Dashboard.Integration.Tests.TestSupport;

namespace Dashboard.Integration.Tests.Checkpoints;

/// <summary>
/// The statistical comparison and the per-criterion options on the known points of
/// <see cref="CheckpointScenario"/> in a real influxd. Per minute the canary's error rate is 2 %
/// (minutes 0–14) then 1 % (15–29); the baseline's is 0 % throughout.
/// </summary>
[Collection(InfluxCollection.Name)]
public sealed class CheckpointEvaluatorComparisonTests(InfluxServerFixture fixture)
{
    private async Task<CheckpointHost> HostAsync(bool withPoints = true)
    {
        var host = new CheckpointHost(fixture.Url, await fixture.CreateDatabaseAsync("comparison"));
        if (withPoints)
        {
            await host.Influx.WriteAsync(CheckpointScenario.Points());
        }

        return host;
    }

    private static CheckpointEvaluationRequest Request(PlanPhase phase) =>
        new("rollout-1", 0, phase, CheckpointScenario.Checkpoint, CheckpointScenario.Window(phase));

    [Fact]
    public async Task Evaluate_KnownPoints_ComparesTheErrorRateOfCanaryAgainstBaseline()
    {
        await using var host = await HostAsync();

        var evaluation = await host.Evaluator.EvaluateAsync(Request(CheckpointScenario.Phase(CheckpointScenario.AllInfluxCriteria())));

        var errorRate = evaluation.Comparison!.Metrics.Single(metric => metric.Metric == MetricKeys.ErrorRatePct);
        Assert.Equal(MetricClassification.High, errorRate.Classification);
        Assert.Equal(HarmfulDirection.Increase, errorRate.HarmfulDirection);
        Assert.Equal((30, 30), (errorRate.CanaryCount, errorRate.BaselineCount));
        Assert.Equal((1.5, 0.0), (errorRate.CanaryMedian!.Value, errorRate.BaselineMedian!.Value));
        var test = errorRate.Test!;
        Assert.Equal((900.0, 0.0), (test.UX, test.UY));
        Assert.Equal(NullDistribution.NormalApproximation, test.Method);
        Assert.True(test.HasTies);
        // σ with ties (15 × 2 %, 15 × 1 %, 30 × 0 %) = 62.1388; z = 449.5 / σ = 7.2338; p = erfc(z / √2).
        Assert.Equal(7.233807156732588, test.Z, 9);
        Assert.Equal(4.696385299550961e-13, test.PValue, 1e-20);
        var shift = errorRate.Shift!;
        Assert.Equal((1.5, 1.0, 2.0), (shift.Estimate, shift.Lower, shift.Upper));
        Assert.Equal(0.98, shift.Confidence);
        Assert.Equal(1.0, errorRate.RankBiserial);
        Assert.Null(errorRate.RelativeEffect);
        Assert.Equal(0.375, errorRate.Tolerance);
    }

    [Fact]
    public async Task Evaluate_KnownPoints_ScoresEveryMetricAndStaysAdvisory()
    {
        await using var host = await HostAsync();

        var evaluation = await host.Evaluator.EvaluateAsync(Request(CheckpointScenario.Phase(CheckpointScenario.AllInfluxCriteria())));

        var comparison = evaluation.Comparison!;
        Assert.Equal(
            [
                (MetricKeys.ErrorRatePct, MetricClassification.High),
                (MetricKeys.P99Ms, MetricClassification.High),
                (MetricKeys.AvailabilityPct, MetricClassification.Pass),
                (MetricKeys.RevenueImpactPct, MetricClassification.Pass),
                (MetricKeys.SegmentVariancePp, MetricClassification.High),
                (MetricKeys.CacheEfficiencyPct, MetricClassification.Pass),
                (MetricKeys.MemoryGrowthMbPerHour, MetricClassification.High),
            ],
            comparison.Metrics.Select(metric => (metric.Metric, metric.Classification)));
        Assert.Equal(HarmfulDirection.Decrease, comparison.Metrics.Single(metric => metric.Metric == MetricKeys.AvailabilityPct).HarmfulDirection);
        Assert.Equal(100.0 * 3 / 7, comparison.Score!.Value, 9);
        Assert.Equal(CanaryScoreClassification.Fail, comparison.Classification);
        // Advisory: every threshold passes, so the checkpoint does.
        Assert.Equal(Verdict.Pass, evaluation.OverallVerdict);
        Assert.Equal(CheckpointDecision.Continue, evaluation.SuggestedDecision);
    }

    [Fact]
    public async Task Evaluate_DryRunCriterionFails_OverallFollowsTheGatingCriteria()
    {
        await using var host = await HostAsync();
        var phase = CheckpointScenario.Phase(
            PassCriterion.Of(MetricKeys.ErrorRatePct, Comparator.LessThan, 1.5, 0.2) with { DryRun = true },
            PassCriterion.Of(MetricKeys.P99Ms, Comparator.LessThan, 250, 20));

        var evaluation = await host.Evaluator.EvaluateAsync(Request(phase));

        var dryRun = evaluation.Criteria.Single(criterion => criterion.Metric == MetricKeys.ErrorRatePct);
        Assert.Equal(Verdict.Fail, dryRun.Verdict);
        Assert.True(dryRun.DryRun);
        Assert.Equal(CriterionEvaluation.DryRunNote, dryRun.Note);
        Assert.Equal(Verdict.Pass, evaluation.OverallVerdict);
        Assert.Equal(CheckpointDecision.Continue, evaluation.SuggestedDecision);
    }

    [Fact]
    public async Task Evaluate_EmptyWindowAndMustHaveData_FailsWhileTheComparisonIsNoData()
    {
        await using var host = await HostAsync(withPoints: false);
        var phase = CheckpointScenario.Phase(
            PassCriterion.Of(MetricKeys.ErrorRatePct, Comparator.LessThan, 5, 0.2) with { MustHaveData = true },
            PassCriterion.Of(MetricKeys.P99Ms, Comparator.LessThan, 250, 20));

        var evaluation = await host.Evaluator.EvaluateAsync(Request(phase));

        var errorRate = evaluation.Criteria.Single(criterion => criterion.Metric == MetricKeys.ErrorRatePct);
        Assert.Equal(Verdict.Fail, errorRate.Verdict);
        Assert.Equal(CriterionEvaluation.MustHaveDataNote, errorRate.Note);
        Assert.StartsWith("No data in the window [phase start, due)", errorRate.NoDataReason, StringComparison.Ordinal);
        Assert.Equal(Verdict.NoData, evaluation.Criteria.Single(criterion => criterion.Metric == MetricKeys.P99Ms).Verdict);
        Assert.Equal(Verdict.Fail, evaluation.OverallVerdict);
        Assert.All(evaluation.Comparison!.Metrics, metric => Assert.Equal(MetricClassification.NoData, metric.Classification));
        Assert.Null(evaluation.Comparison.Score);
        Assert.Equal(CanaryScoreClassification.NoData, evaluation.Comparison.Classification);
    }
}
