using Dashboard.Core.Checkpoints;
using Dashboard.Core.Evaluation;

namespace Dashboard.Core.Tests.Checkpoints;

public sealed class MetricTrendsTests
{
    private static CriterionEvaluation Evaluation(double? lastInterval, double threshold = 1, double margin = 0.2) =>
        CriterionEvaluation.Judge(new Criterion("errorRatePct", Comparator.LessThan, threshold, margin), "%", lastInterval, lastInterval, null, null, TimeSpan.FromMinutes(1), []);

    [Theory]
    [InlineData(0.5, 0.6, MetricTrend.Stable)]
    [InlineData(0.5, 0.61, MetricTrend.Rising)]
    [InlineData(0.5, 0.39, MetricTrend.Falling)]
    [InlineData(null, 0.5, MetricTrend.Unknown)]
    [InlineData(0.5, null, MetricTrend.Unknown)]
    public void Of_ChangeBeyondHalfTheWarnMargin_IsATrend(double? previous, double? current, MetricTrend expected)
    {
        Assert.Equal(expected, MetricTrends.Of(previous, current, MetricTrends.Tolerance(Evaluation(current))));
    }

    [Fact]
    public void Tolerance_WithoutMargin_IsOnePercentOfTheThresholdOrZero()
    {
        Assert.Equal(2, MetricTrends.Tolerance(Evaluation(1, threshold: 200, margin: 0)));
        Assert.Equal(0, MetricTrends.Tolerance(Evaluation(1, threshold: 0, margin: 0)));
    }

    [Fact]
    public void Between_ComparesLastIntervalValuesOfTheSameMetric()
    {
        var previous = new CheckpointEvaluation("r", 0, "canary", TimeSpan.FromMinutes(15),
            new CheckpointWindow(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddMinutes(15), DateTimeOffset.UnixEpoch),
            DateTimeOffset.UnixEpoch, [Evaluation(0.2)], Verdict.Pass, CheckpointDecision.Continue, "", []);

        var trend = Assert.Single(MetricTrends.Between(previous, [Evaluation(0.5)]));

        Assert.Equal(new CriterionTrend("errorRatePct", 0.2, 0.5, 0.1, MetricTrend.Rising), trend);
        Assert.Equal(MetricTrend.Unknown, Assert.Single(MetricTrends.Between(null, [Evaluation(0.5)])).Trend);
    }
}
