using Dashboard.Core.Statistics;

namespace Dashboard.Core.Tests.Statistics;

public sealed class CanaryJudgeTests
{
    private static readonly double[] Baseline = [.. Enumerable.Range(95, 20).Select(value => (double)value)];
    private static readonly double[] Slower = [.. Baseline.Select(value => value + 30)];

    private static MetricSamples Passing(int index, double weight = 1, bool critical = false) =>
        new($"pass{index}", Baseline, Baseline, HarmfulDirection.Increase, weight, critical);

    private static MetricSamples Failing(int index, double weight = 1, bool critical = false) =>
        new($"fail{index}", Slower, Baseline, HarmfulDirection.Increase, weight, critical);

    private static MetricSamples WithoutData(int index, bool critical = false) =>
        new($"empty{index}", [], Baseline, HarmfulDirection.Increase, Critical: critical);

    private static IEnumerable<MetricSamples> Metrics(int passing, int failing) =>
        Enumerable.Range(0, passing).Select(index => Passing(index)).Concat(Enumerable.Range(0, failing).Select(index => Failing(index)));

    [Theory]
    [InlineData(20, 0, 100.0, CanaryScoreClassification.Pass)]
    [InlineData(19, 1, 95.0, CanaryScoreClassification.Pass)]
    [InlineData(18, 2, 90.0, CanaryScoreClassification.Marginal)]
    [InlineData(15, 5, 75.0, CanaryScoreClassification.Marginal)]
    [InlineData(14, 6, 70.0, CanaryScoreClassification.Fail)]
    [InlineData(0, 3, 0.0, CanaryScoreClassification.Fail)]
    public void Judge_ScoreAtEachThreshold_ClassifiesWithKayentasInclusiveBounds(int passing, int failing, double score, CanaryScoreClassification expected)
    {
        var judgement = new CanaryJudge(new CanaryJudgeOptions()).Judge(Metrics(passing, failing));

        Assert.Equal(score, judgement.Score);
        Assert.Equal(expected, judgement.Classification);
        Assert.Equal(passing + failing, judgement.Metrics.Count);
    }

    [Fact]
    public void Judge_ConfiguredThresholds_MoveTheBoundaries()
    {
        var judge = new CanaryJudge(new CanaryJudgeOptions { PassScore = 90, MarginalScore = 80 });

        Assert.Equal(CanaryScoreClassification.Pass, judge.Judge(Metrics(18, 2)).Classification);
        Assert.Equal(CanaryScoreClassification.Marginal, judge.Judge(Metrics(16, 4)).Classification);
        Assert.Equal(CanaryScoreClassification.Fail, judge.Judge(Metrics(15, 5)).Classification);
    }

    [Fact]
    public void Judge_MetricsWithoutData_LeaveTheScoreButAreReported()
    {
        var judgement = new CanaryJudge(new CanaryJudgeOptions()).Judge([Passing(1), Passing(2), WithoutData(3)]);

        Assert.Equal(100, judgement.Score);
        Assert.Equal(CanaryScoreClassification.Pass, judgement.Classification);
        Assert.Contains("2 of 2 metrics with data passed, 1 without data", judgement.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_NoMetricWithData_IsNoDataNeverPass()
    {
        var judgement = new CanaryJudge(new CanaryJudgeOptions()).Judge([WithoutData(1), WithoutData(2)]);

        Assert.Equal(CanaryScoreClassification.NoData, judgement.Classification);
        Assert.Null(judgement.Score);
    }

    [Fact]
    public void Judge_WeightedMetrics_ScoreByWeight()
    {
        var judgement = new CanaryJudge(new CanaryJudgeOptions()).Judge([Passing(1, weight: 3), Failing(2, weight: 1)]);

        Assert.Equal(75, judgement.Score);
        Assert.Equal(CanaryScoreClassification.Marginal, judgement.Classification);
    }

    [Fact]
    public void Judge_CriticalMetricFails_FailsWhateverTheScore()
    {
        var metrics = Metrics(19, 0).Append(Failing(99, critical: true));

        var judgement = new CanaryJudge(new CanaryJudgeOptions()).Judge(metrics);

        Assert.Equal(95, judgement.Score);
        Assert.Equal(CanaryScoreClassification.Fail, judgement.Classification);
        Assert.StartsWith("Critical metric fail99 did not pass", judgement.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_CriticalMetricWithoutData_Fails()
    {
        var judgement = new CanaryJudge(new CanaryJudgeOptions()).Judge([Passing(1), WithoutData(2, critical: true)]);

        Assert.Equal(CanaryScoreClassification.Fail, judgement.Classification);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void Judge_MetricWithoutPositiveWeight_Throws(double weight)
    {
        var judge = new CanaryJudge(new CanaryJudgeOptions());

        Assert.Throws<ArgumentOutOfRangeException>(() => judge.Judge([Passing(1, weight)]));
    }
}
