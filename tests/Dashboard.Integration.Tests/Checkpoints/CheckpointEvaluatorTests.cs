using Dashboard.Core.Checkpoints;
using Dashboard.Core.Evaluation;
using Dashboard.Core.Plans;
using Dashboard.Infrastructure.Influx;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.TestSupport;

namespace Dashboard.Integration.Tests.Checkpoints;

[Collection(InfluxCollection.Name)]
public sealed class CheckpointEvaluatorTests(InfluxServerFixture fixture)
{
    private async Task<CheckpointHost> HostWithAsync(IEnumerable<InfluxPoint> points)
    {
        var host = new CheckpointHost(fixture.Url, await fixture.CreateDatabaseAsync("checkpoint"));
        var batch = points.ToList();
        if (batch.Count > 0)
        {
            await host.Influx.WriteAsync(batch);
        }

        return host;
    }

    private static CheckpointEvaluationRequest Request(PlanPhase phase, IIncidentCounts? incidents = null) =>
        new("rollout-1", 0, phase, CheckpointScenario.Checkpoint, CheckpointScenario.Window(phase), Incidents: incidents);

    [Fact]
    public async Task Evaluate_KnownPoints_GivesExactCumulativeAndLastIntervalValues()
    {
        await using var host = await HostWithAsync(CheckpointScenario.Points());

        var evaluation = await host.Evaluator.EvaluateAsync(Request(CheckpointScenario.Phase(CheckpointScenario.AllInfluxCriteria())));

        var byMetric = evaluation.Criteria.ToDictionary(criterion => criterion.Metric);
        AssertValues(byMetric[MetricKeys.ErrorRatePct], 1.5, 1.0);
        AssertValues(byMetric[MetricKeys.P99Ms], 198, 199);
        AssertValues(byMetric[MetricKeys.AvailabilityPct], 99.95, 100);
        AssertValues(byMetric[MetricKeys.RevenueImpactPct], 25, 25);
        AssertValues(byMetric[MetricKeys.SegmentVariancePp], 2, 2);
        AssertValues(byMetric[MetricKeys.CacheEfficiencyPct], 90, 90);
        AssertValues(byMetric[MetricKeys.MemoryGrowthMbPerHour], 60, 60);
        Assert.All(evaluation.Criteria, criterion => Assert.Equal(Verdict.Pass, criterion.Verdict));
        Assert.Equal(Verdict.Pass, evaluation.OverallVerdict);
        Assert.Equal(CheckpointDecision.Continue, evaluation.SuggestedDecision);
        Assert.Equal(CheckpointScenario.PhaseStart.AddMinutes(15), evaluation.Window.LastIntervalStart);
        Assert.Equal(CheckpointScenario.Now, evaluation.EvaluatedAt);
    }

    [Fact]
    public async Task Evaluate_KnownPoints_GivesOneSamplePerMinuteOfTheWindow()
    {
        await using var host = await HostWithAsync(CheckpointScenario.Points());

        var evaluation = await host.Evaluator.EvaluateAsync(Request(CheckpointScenario.Phase(CheckpointScenario.AllInfluxCriteria())));

        var errorRate = evaluation.Criteria.Single(criterion => criterion.Metric == MetricKeys.ErrorRatePct);
        Assert.Equal(TimeSpan.FromMinutes(1), errorRate.SampleInterval);
        Assert.Equal(30, errorRate.Samples.Count);
        Assert.Equal(new IntervalSample(CheckpointScenario.PhaseStart, 2, 0), errorRate.Samples[0]);
        Assert.Equal(new IntervalSample(CheckpointScenario.PhaseStart.AddMinutes(29), 1, 0), errorRate.Samples[^1]);
        Assert.Equal(30, errorRate.CanarySamples.Count);
        Assert.Equal(30, errorRate.BaselineSamples.Count);
        var revenue = evaluation.Criteria.Single(criterion => criterion.Metric == MetricKeys.RevenueImpactPct);
        Assert.All(revenue.Samples, sample =>
        {
            Assert.Equal(0.2, sample.Canary!.Value, 9);
            Assert.Equal(0.16, sample.Baseline!.Value, 9);
        });
        Assert.Equal(Enumerable.Range(0, 30).Select(minute => 500.0 + minute),
            evaluation.Criteria.Single(criterion => criterion.Metric == MetricKeys.MemoryGrowthMbPerHour).CanarySamples);
    }

    [Theory]
    [InlineData(2.0, Verdict.Pass)]
    [InlineData(1.6, Verdict.Warn)]
    [InlineData(1.5, Verdict.Fail)]
    public async Task Evaluate_ErrorRate_JudgesTheCumulativeValueAgainstThresholdAndMargin(double threshold, Verdict expected)
    {
        await using var host = await HostWithAsync(CheckpointScenario.Points());
        var phase = CheckpointScenario.Phase(PassCriterion.Of(MetricKeys.ErrorRatePct, Comparator.LessThan, threshold, 0.2));

        var evaluation = await host.Evaluator.EvaluateAsync(Request(phase));

        var criterion = Assert.Single(evaluation.Criteria);
        Assert.Equal(expected, criterion.Verdict);
        Assert.Equal(expected, evaluation.OverallVerdict);
        Assert.Null(criterion.NoDataReason);
    }

    [Fact]
    public async Task Evaluate_CumulativeValueOverRollbackTrigger_SuggestsAbort()
    {
        await using var host = await HostWithAsync(CheckpointScenario.Points());
        var phase = CheckpointScenario.Phase(
            [PassCriterion.Of(MetricKeys.P99Ms, Comparator.LessThan, 250, 20)],
            [new MetricCondition(MetricKeys.ErrorRatePct, Comparator.GreaterThan, 1.2)]);

        var evaluation = await host.Evaluator.EvaluateAsync(Request(phase));

        Assert.Equal(Verdict.Pass, evaluation.OverallVerdict);
        Assert.Equal(CheckpointDecision.Abort, evaluation.SuggestedDecision);
        Assert.Contains("Error rate > 1.2 %", evaluation.DecisionReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_EmptyWindow_IsNoDataWithTheReason()
    {
        var outside = CheckpointScenario.Points().Where(point =>
            point.Timestamp < CheckpointScenario.PhaseStart || point.Timestamp >= CheckpointScenario.PhaseStart.AddMinutes(30));
        await using var host = await HostWithAsync(outside);

        var evaluation = await host.Evaluator.EvaluateAsync(Request(CheckpointScenario.Phase(CheckpointScenario.AllInfluxCriteria())));

        Assert.All(evaluation.Criteria, criterion =>
        {
            Assert.Equal(Verdict.NoData, criterion.Verdict);
            Assert.Null(criterion.CumulativeValue);
            Assert.Null(criterion.LastIntervalValue);
            Assert.Empty(criterion.Samples);
            Assert.StartsWith("No data in the window [phase start, due)", criterion.NoDataReason, StringComparison.Ordinal);
        });
        Assert.Equal(Verdict.NoData, evaluation.OverallVerdict);
        Assert.Equal(CheckpointDecision.MonitorClosely, evaluation.SuggestedDecision);
    }

    [Fact]
    public async Task Evaluate_InfluxdUnreachable_IsNoDataNotAnException()
    {
        var closedPort = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        await using var host = new CheckpointHost(closedPort, "nowhere");
        var phase = CheckpointScenario.Phase(CheckpointScenario.AllInfluxCriteria());

        var evaluation = await host.Evaluator.EvaluateAsync(Request(phase));

        Assert.Equal(7, evaluation.Criteria.Count);
        Assert.All(evaluation.Criteria, criterion =>
        {
            Assert.Equal(Verdict.NoData, criterion.Verdict);
            Assert.StartsWith("InfluxDB query failed:", criterion.NoDataReason, StringComparison.Ordinal);
            Assert.NotNull(criterion.Query);
        });
        Assert.Equal(Verdict.NoData, evaluation.OverallVerdict);
    }

    [Fact]
    public async Task Evaluate_QueryText_RerunGivesTheSameValues()
    {
        await using var host = await HostWithAsync(CheckpointScenario.Points());
        var evaluation = await host.Evaluator.EvaluateAsync(Request(CheckpointScenario.Phase(CheckpointScenario.AllInfluxCriteria())));
        var errorRate = evaluation.Criteria.Single(criterion => criterion.Metric == MetricKeys.ErrorRatePct);

        var results = await host.Influx.QueryAsync(errorRate.Query!);

        Assert.Equal(3, results.Count);
        Assert.Contains("\"service\" = 'analyzer'", errorRate.Query, StringComparison.Ordinal);
        Assert.Equal(errorRate.CumulativeValue!.Value, CanaryErrorRate(results[0]), 12);
        Assert.Equal(errorRate.LastIntervalValue!.Value, CanaryErrorRate(results[1]), 12);
        Assert.Equal(errorRate.Samples.Count, results[2].Series.Where(IsCanary).Select(series => series.Values.Count).Distinct().Single());
    }

    [Fact]
    public async Task Evaluate_IncidentCounts_ComeFromTheGivenSourceOrAreNoData()
    {
        await using var host = await HostWithAsync([]);
        var phase = CheckpointScenario.Phase(PassCriterion.Of(MetricKeys.CriticalIncidents, Comparator.LessThanOrEqual, 0, 0));

        var counted = await host.Evaluator.EvaluateAsync(Request(phase, new FixedIncidentCounts(cumulative: 1, lastInterval: 0)));
        var unknown = await host.Evaluator.EvaluateAsync(Request(phase));

        var criterion = Assert.Single(counted.Criteria);
        Assert.Equal((1.0, 0.0), (criterion.CumulativeValue, criterion.LastIntervalValue));
        Assert.Equal(Verdict.Fail, criterion.Verdict);
        Assert.Null(criterion.Query);
        Assert.Equal(Verdict.NoData, Assert.Single(unknown.Criteria).Verdict);
        Assert.Contains("No incident source", unknown.Criteria[0].NoDataReason, StringComparison.Ordinal);
    }

    private static bool IsCanary(InfluxSeries series) => series.Tags.GetValueOrDefault("cohort") == "canary";

    private static double CanaryErrorRate(InfluxStatementResult result)
    {
        var canary = result.Series.Where(IsCanary).ToList();
        return canary.Sum(series => series.GetDouble(0, "errors")!.Value) / canary.Sum(series => series.GetDouble(0, "requests")!.Value) * 100;
    }

    private static void AssertValues(CriterionEvaluation criterion, double cumulative, double lastInterval)
    {
        Assert.Equal(cumulative, criterion.CumulativeValue!.Value, 9);
        Assert.Equal(lastInterval, criterion.LastIntervalValue!.Value, 9);
    }

    private sealed class FixedIncidentCounts(long cumulative, long lastInterval) : IIncidentCounts
    {
        public Task<long?> CountAsync(string rolloutId, string metricKey, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) =>
            Task.FromResult<long?>(from == CheckpointScenario.PhaseStart ? cumulative : lastInterval);
    }
}
