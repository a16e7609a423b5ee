using Dashboard.Core.Checkpoints;
using Dashboard.Core.Evaluation;
using Dashboard.Core.Metrics;
using Dashboard.Core.Plans;
using Dashboard.Core.Statistics;

namespace Dashboard.Core.Tests.Checkpoints;

/// <summary>The statistical judge wired into a checkpoint: which samples it gets, which way is harmful, what it never passes.</summary>
public sealed class CheckpointComparisonTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly CanaryJudge Judge = new(new CanaryJudgeOptions());

    private static CriterionEvaluation Measured(PassCriterion criterion, IReadOnlyList<double> canary, IReadOnlyList<double> baseline) =>
        CriterionEvaluation.Judge(criterion, MetricCatalog.Get(criterion.Metric).Unit, canary[^1], canary[^1], null, "SELECT 1",
            TimeSpan.FromMinutes(1), [.. canary.Zip(baseline, (c, b) => (c, b)).Select((pair, i) => new IntervalSample(Start.AddMinutes(i), pair.c, pair.b))]);

    private static PassCriterion ErrorRate => PassCriterion.Of(MetricKeys.ErrorRatePct, Comparator.LessThan, 5, 0.2);

    private static double[] Repeat(double value, int count) => [.. Enumerable.Repeat(value, count)];

    private static double[] Ramp(double from, int count) => [.. Enumerable.Range(0, count).Select(i => from + (i * 0.01))];

    [Fact]
    public void Of_ClearlyWorseCanary_FailsWithALowScore()
    {
        var judgement = CheckpointComparison.Of([Measured(ErrorRate, [.. Repeat(2, 15), .. Repeat(1, 15)], Repeat(0, 30))], Judge)!;

        var metric = Assert.Single(judgement.Metrics);
        Assert.Equal(MetricClassification.High, metric.Classification);
        Assert.Equal(HarmfulDirection.Increase, metric.HarmfulDirection);
        Assert.Equal((30, 30), (metric.CanaryCount, metric.BaselineCount));
        Assert.Equal(900, metric.Test!.UX);
        Assert.Equal(1.5, metric.Shift!.Estimate);
        Assert.Equal(1, metric.RankBiserial);
        Assert.Null(metric.RelativeEffect);
        Assert.Equal(0, judgement.Score);
        Assert.Equal(CanaryScoreClassification.Fail, judgement.Classification);
    }

    [Fact]
    public void Of_IdenticalDistributions_Pass()
    {
        var samples = Ramp(0.5, 30);

        var judgement = CheckpointComparison.Of([Measured(ErrorRate, samples, samples)], Judge)!;

        var metric = Assert.Single(judgement.Metrics);
        Assert.Equal(MetricClassification.Pass, metric.Classification);
        Assert.Equal(0, metric.Shift!.Estimate);
        Assert.Equal(0, metric.RankBiserial);
        Assert.Equal(100, judgement.Score);
        Assert.Equal(CanaryScoreClassification.Pass, judgement.Classification);
    }

    [Fact]
    public void Of_TooFewSamples_HasNoClassificationAndNeverPasses()
    {
        var judgement = CheckpointComparison.Of([Measured(ErrorRate, [0.1, 0.2], [0.1, 0.2])], Judge)!;

        var metric = Assert.Single(judgement.Metrics);
        Assert.Equal(MetricClassification.NoData, metric.Classification);
        Assert.Null(metric.Test);
        Assert.Null(metric.RankBiserial);
        Assert.Null(judgement.Score);
        Assert.Equal(CanaryScoreClassification.NoData, judgement.Classification);
    }

    [Fact]
    public void Of_EmptyInfluxWindow_IsComparedAsNoData()
    {
        var empty = CriterionEvaluation.Judge(ErrorRate, "%", null, null, "No data", "SELECT 1", TimeSpan.FromMinutes(1), []);

        var judgement = CheckpointComparison.Of([empty], Judge)!;

        Assert.Equal(MetricClassification.NoData, Assert.Single(judgement.Metrics).Classification);
        Assert.Equal(CanaryScoreClassification.NoData, judgement.Classification);
    }

    [Fact]
    public void Of_HigherIsBetterCriterion_FailsALowerCanary()
    {
        var availability = PassCriterion.Of(MetricKeys.AvailabilityPct, Comparator.GreaterThan, 99, 0.05);

        var judgement = CheckpointComparison.Of([Measured(availability, Ramp(98, 30), Ramp(99.5, 30))], Judge)!;

        var metric = Assert.Single(judgement.Metrics);
        Assert.Equal(HarmfulDirection.Decrease, metric.HarmfulDirection);
        Assert.Equal(MetricClassification.Low, metric.Classification);
        Assert.Equal(-1, metric.RankBiserial);
    }

    [Fact]
    public void Of_LowerIsBetterCriterionWithABetterCanary_Passes()
    {
        var p99 = PassCriterion.Of(MetricKeys.P99Ms, Comparator.LessThan, 200, 20);

        var judgement = CheckpointComparison.Of([Measured(p99, Ramp(80, 30), Ramp(120, 30))], Judge)!;

        Assert.Equal(MetricClassification.Pass, Assert.Single(judgement.Metrics).Classification);
    }

    [Fact]
    public void Of_OneWorseOfTwo_ScoresFiftyAndFails()
    {
        var p99 = PassCriterion.Of(MetricKeys.P99Ms, Comparator.LessThan, 200, 20);
        var criteria = new[] { Measured(ErrorRate, Ramp(2, 30), Ramp(0, 30)), Measured(p99, Ramp(100, 30), Ramp(100, 30)) };

        var judgement = CheckpointComparison.Of(criteria, Judge)!;

        Assert.Equal(50, judgement.Score);
        Assert.Equal(CanaryScoreClassification.Fail, judgement.Classification);
        Assert.Equal([MetricKeys.ErrorRatePct, MetricKeys.P99Ms], judgement.Metrics.Select(metric => metric.Metric));
    }

    [Fact]
    public void Of_SameMetricInTwoCriteria_IsComparedOnce()
    {
        var stricter = PassCriterion.Of(MetricKeys.ErrorRatePct, Comparator.LessThan, 1, 0.2);
        var samples = Ramp(0.5, 30);

        var judgement = CheckpointComparison.Of([Measured(ErrorRate, samples, samples), Measured(stricter, samples, samples)], Judge)!;

        Assert.Single(judgement.Metrics);
    }

    [Fact]
    public void Of_OnlyIncidentCounts_IsNull()
    {
        var incidents = CriterionEvaluation.Judge(
            PassCriterion.Of(MetricKeys.CriticalIncidents, Comparator.LessThanOrEqual, 0, 0), string.Empty, 0, 0, null, null, TimeSpan.FromMinutes(1), []);

        Assert.Null(CheckpointComparison.Of([incidents], Judge));
    }
}
