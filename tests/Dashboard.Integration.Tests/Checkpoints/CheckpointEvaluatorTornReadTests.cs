using Dashboard.Core.Checkpoints;
using Dashboard.Core.Evaluation;
using Dashboard.Core.Metrics;
using Dashboard.Core.Plans;
using Dashboard.Infrastructure.Checkpoints;
using Dashboard.Infrastructure.Influx;
using Dashboard.Infrastructure.Metrics;
using Dashboard.Integration.Tests.Metrics;
using Dashboard.Integration.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Dashboard.Integration.Tests.Checkpoints;

/// <summary>
/// The checkpoint evaluator against a real influxd while one canary point of <see cref="CheckpointScenario"/>'s
/// window is half written (docs/checkpoints.md, "NO_DATA"): 100 more canary requests in segment A at
/// 29:45, all in (500, 1000] ms, 10 of them errors.
/// </summary>
[Collection(InfluxCollection.Name)]
public sealed class CheckpointEvaluatorTornReadTests(InfluxServerFixture fixture)
{
    private static readonly DateTimeOffset TornAt = CheckpointScenario.PhaseStart.AddMinutes(29).AddSeconds(45);

    private static readonly string[] RequestMetrics = [MetricKeys.ErrorRatePct, MetricKeys.P99Ms, MetricKeys.SegmentVariancePp];

    private async Task<CheckpointHost> HostWithFirstHalfAsync()
    {
        var host = new CheckpointHost(fixture.Url, await fixture.CreateDatabaseAsync("torn"));
        await host.Influx.WriteAsync([.. CheckpointScenario.Points(), HalfWrittenPoint.FirstHalf(TornPoint(), errors: 10)]);
        return host;
    }

    private static InfluxPoint TornPoint() =>
        new InfluxPoint("requests", TornAt).Tag("service", "analyzer").Tag("cohort", "canary").Tag("segment", "A").Tag("region", "eu");

    private static CheckpointEvaluator Evaluator(IInfluxClient influx) => new(
        influx,
        Options.Create(new InfluxOptions()),
        // A short back-off keeps the test quick; the default is 200 ms.
        Options.Create(new MetricsSchemaOptions { Service = "analyzer", TornReadBackoff = TimeSpan.FromMilliseconds(20) }),
        Options.Create(new CheckpointEvaluatorOptions()),
        TimeProvider.System,
        NullLogger<CheckpointEvaluator>.Instance);

    private static CheckpointEvaluationRequest Request()
    {
        var phase = CheckpointScenario.Phase(CheckpointScenario.AllInfluxCriteria());
        return new("rollout-1", 0, phase, CheckpointScenario.Checkpoint, CheckpointScenario.Window(phase));
    }

    [Fact]
    public async Task Evaluate_PointStillHalfWritten_RequestCriteriaAreNoDataForIncompletePoints()
    {
        await using var host = await HostWithFirstHalfAsync();
        var influx = new QueryObservingInfluxClient(host.Influx);

        var evaluation = await Evaluator(influx).EvaluateAsync(Request());

        Assert.Equal(1 + TornReadRetry.MaxRereads, influx.Answers);
        var byMetric = evaluation.Criteria.ToDictionary(criterion => criterion.Metric);
        Assert.All(RequestMetrics.Select(metric => byMetric[metric]), criterion =>
        {
            Assert.Equal(Verdict.NoData, criterion.Verdict);
            Assert.Null(criterion.CumulativeValue);
            Assert.StartsWith("incomplete points: a canary requests point in the window [phase start, due)", criterion.NoDataReason, StringComparison.Ordinal);
        });
        Assert.All(byMetric.Values.Where(criterion => !RequestMetrics.Contains(criterion.Metric)), criterion => Assert.Equal(Verdict.Pass, criterion.Verdict));
        Assert.Equal(Verdict.NoData, evaluation.OverallVerdict);
        Assert.NotEqual(CheckpointDecision.Continue, evaluation.SuggestedDecision);
    }

    [Fact]
    public async Task Evaluate_SecondHalfLandsBeforeTheReread_JudgesTheWholePoint()
    {
        await using var host = await HostWithFirstHalfAsync();
        var influx = new QueryObservingInfluxClient(host.Influx, writeAfterFirstAnswer: [HalfWrittenPoint.SecondHalf(TornPoint())]);

        var evaluation = await Evaluator(influx).EvaluateAsync(Request());

        Assert.Equal(2, influx.Answers);
        var byMetric = evaluation.Criteria.ToDictionary(criterion => criterion.Metric);
        // The scenario's 27,000 canary requests plus the whole point's 100: le_100 13,500, le_200 27,000, le_inf 27,100.
        Assert.Equal(100 + (100 * ((0.99 * 27_100) - 13_500) / 13_500), byMetric[MetricKeys.P99Ms].CumulativeValue!.Value, 9);
        Assert.Equal(415.0 / 27_100 * 100, byMetric[MetricKeys.ErrorRatePct].CumulativeValue!.Value, 9);
        Assert.All(evaluation.Criteria, criterion => Assert.Null(criterion.NoDataReason));
        Assert.Equal(Verdict.Pass, evaluation.OverallVerdict);
    }
}
