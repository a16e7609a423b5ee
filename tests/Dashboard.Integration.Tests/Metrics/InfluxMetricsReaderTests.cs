using Dashboard.Core.Metrics;
using Dashboard.Infrastructure.Influx;
using Dashboard.Integration.Tests.TestSupport;

namespace Dashboard.Integration.Tests.Metrics;

[Collection(InfluxCollection.Name)]
public sealed class InfluxMetricsReaderTests(InfluxServerFixture fixture)
{
    private static readonly TimeSpan FiveMinutes = TimeSpan.FromMinutes(5);

    // The scenario writes each series every 150 s (two points in the window): revenue per learner divides by
    // learner-seconds, each learners point standing for one point interval (docs/metrics.md).
    private static readonly Dictionary<string, string?> ScenarioInterval = new() { ["Metrics:PointInterval"] = "00:02:30" };

    private async Task<MetricsReaderHost> HostWithAsync(IEnumerable<InfluxPoint> points, IDictionary<string, string?>? settings = null)
    {
        var database = await fixture.CreateDatabaseAsync("metrics");
        var host = new MetricsReaderHost(fixture.Url, database, settings);
        var batch = points.ToList();
        if (batch.Count > 0)
        {
            await host.Influx.WriteAsync(batch);
        }

        return host;
    }

    [Fact]
    public async Task ReadSnapshot_KnownPoints_GivesExactCohortMetrics()
    {
        await using var host = await HostWithAsync(RolloutScenario.Points(), ScenarioInterval);

        var snapshot = await host.Reader.ReadSnapshotAsync(FiveMinutes);

        Assert.Equal(RolloutScenario.Now, snapshot.AsOf);
        Assert.Equal(300, snapshot.WindowSeconds);
        Assert.Equal(RolloutScenario.NewestInside, snapshot.NewestPointAt);
        AssertMetrics(snapshot.Cohorts.Baseline, errorRate: 1, p50: 25, p95: 47.5, p99: 49.5, availability: 100, rps: 800.0 / 300,
            learners: 1000, revenuePerLearner: 0.4, completion: 40, churn: 10, cache: 75, cpu: 50, memory: 1050);
        AssertMetrics(snapshot.Cohorts.Canary, errorRate: 3, p50: 100, p95: 190, p99: 198, availability: 99.9, rps: 800.0 / 300,
            learners: 100, revenuePerLearner: 0.48, completion: 50, churn: 0, cache: 90, cpu: 25, memory: 600);
        Assert.Equal(20.0, snapshot.RevenueImpactPct!.Value, 9);
    }

    [Fact]
    public async Task ReadSnapshot_KnownPoints_GivesExactSegmentAndRegionMetrics()
    {
        await using var host = await HostWithAsync(RolloutScenario.Points(), ScenarioInterval);

        var snapshot = await host.Reader.ReadSnapshotAsync(FiveMinutes);

        Assert.Equal(["A", "B"], snapshot.Segments.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["eu", "us-east"], snapshot.Regions.Keys.Order(StringComparer.Ordinal));
        AssertMetrics(snapshot.Segments["A"].Baseline, errorRate: 1, p50: 25, p95: 47.5, p99: 49.5, availability: 100, rps: 400.0 / 300,
            learners: 800, revenuePerLearner: 0.25, completion: 40, churn: 10, cache: 75, cpu: 50, memory: 1050);
        AssertMetrics(snapshot.Segments["A"].Canary, errorRate: 2, p50: 75, p95: 97.5, p99: 99.5, availability: 99.9, rps: 400.0 / 300,
            learners: 80, revenuePerLearner: 0.3, completion: 50, churn: 0, cache: 90, cpu: 25, memory: 600);
        AssertMetrics(snapshot.Segments["B"].Canary, errorRate: 4, p50: 150, p95: 195, p99: 199, availability: 99.9, rps: 400.0 / 300,
            learners: 20, revenuePerLearner: 1.2, completion: 50, churn: 0, cache: 90, cpu: 25, memory: 600);
        Assert.Equal(200.0, snapshot.Segments["B"].Baseline.ActiveLearners!.Value, 9);
        AssertMetrics(snapshot.Regions["us-east"].Canary, errorRate: 3, p50: 100, p95: 190, p99: 198, availability: 99.8, rps: 400.0 / 300,
            learners: 50, revenuePerLearner: 0.48, completion: 50, churn: 0, cache: 90, cpu: 25, memory: 600);
        Assert.Equal(100.0, snapshot.Regions["eu"].Canary.AvailabilityPct!.Value, 9);
        Assert.Equal(2.0, SegmentVariance.OfCanaryErrorRate(snapshot.Segments)!.Value, 9);
    }

    [Fact]
    public async Task ReadSnapshot_EmptyWindow_GivesNulls()
    {
        // Only the loud points outside the window exist.
        var outside = RolloutScenario.Points().Where(point => point.Timestamp <= RolloutScenario.Now.AddMinutes(-5) || point.Timestamp > RolloutScenario.Now);
        await using var host = await HostWithAsync(outside);

        var snapshot = await host.Reader.ReadSnapshotAsync(FiveMinutes);

        Assert.Equal(CohortPair.Empty, snapshot.Cohorts);
        Assert.Null(snapshot.RevenueImpactPct);
        Assert.Null(snapshot.NewestPointAt);
        Assert.Empty(snapshot.Segments);
        Assert.Empty(snapshot.Regions);
        Assert.Equal(RolloutScenario.Now, snapshot.AsOf);
    }

    [Fact]
    public async Task ReadSnapshot_EmptyDatabase_GivesNulls()
    {
        await using var host = await HostWithAsync([]);

        var snapshot = await host.Reader.ReadSnapshotAsync(FiveMinutes);

        Assert.Equal(CohortPair.Empty, snapshot.Cohorts);
        Assert.Null(snapshot.NewestPointAt);
    }

    [Fact]
    public async Task ReadSnapshot_GaugeSeriesDifferingInOtherTags_AreSummedNotAveraged()
    {
        // Two canary versions (or hosts) in the same segment and region each report their own learners.
        var at = RolloutScenario.Now.AddMinutes(-1);
        await using var host = await HostWithAsync(
        [
            new InfluxPoint("learners", at).Tag("cohort", "canary").Tag("segment", "A").Tag("region", "eu").Tag("version", "1.1").Field("active", 10L),
            new InfluxPoint("learners", at.AddSeconds(2)).Tag("cohort", "canary").Tag("segment", "A").Tag("region", "eu").Tag("version", "1.2").Field("active", 30L),
        ]);

        var snapshot = await host.Reader.ReadSnapshotAsync(FiveMinutes);

        Assert.Equal(40.0, snapshot.Cohorts.Canary.ActiveLearners);
        Assert.Equal(40.0, snapshot.Segments["A"].Canary.ActiveLearners);
        Assert.Null(snapshot.Cohorts.Canary.RevenuePerLearner);
    }

    [Fact]
    public async Task ReadSnapshot_HostileTagValues_RoundTripAsDictionaryKeys()
    {
        const string segment = "x' OR 1=1 --";
        const string region = "eu\"; DROP DATABASE \"x\\y";
        var at = RolloutScenario.Now.AddMinutes(-1);
        await using var host = await HostWithAsync(
        [
            new InfluxPoint("requests", at).Tag("cohort", "canary").Tag("segment", segment).Tag("region", region)
                .Field("count", 50L).Field("errors", 5L).Field("le_inf", 50L),
            new InfluxPoint("requests", at).Tag("cohort", "canary").Tag("segment", "A").Tag("region", "eu")
                .Field("count", 50L).Field("errors", 0L).Field("le_inf", 50L),
        ]);

        var snapshot = await host.Reader.ReadSnapshotAsync(FiveMinutes);

        Assert.Equal(["A", segment], snapshot.Segments.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(10.0, snapshot.Segments[segment].Canary.ErrorRatePct);
        Assert.Equal(10.0, snapshot.Regions[region].Canary.ErrorRatePct);
        Assert.Equal(5.0, snapshot.Cohorts.Canary.ErrorRatePct);
    }

    [Fact]
    public async Task ReadSnapshot_ServiceFilter_ReadsOnlyThatServiceEvenWithQuotesInIt()
    {
        const string service = "svc' OR ''='";
        var at = RolloutScenario.Now.AddMinutes(-1);
        await using var host = await HostWithAsync(
            [
                new InfluxPoint("requests", at).Tag("service", service).Tag("cohort", "canary").Field("count", 10L).Field("errors", 1L).Field("le_inf", 10L),
                new InfluxPoint("requests", at).Tag("service", "other").Tag("cohort", "canary").Field("count", 90L).Field("errors", 0L).Field("le_inf", 90L),
            ],
            new Dictionary<string, string?> { ["Metrics:Service"] = service });

        var snapshot = await host.Reader.ReadSnapshotAsync(FiveMinutes);

        Assert.Equal(10.0, snapshot.Cohorts.Canary.ErrorRatePct);
        Assert.Equal(10.0 / 300, snapshot.Cohorts.Canary.Rps!.Value, 12);
    }

    [Fact]
    public async Task ReadSnapshot_ConfiguredNames_AreUsed()
    {
        var at = RolloutScenario.Now.AddMinutes(-1);
        await using var host = await HostWithAsync(
            [new InfluxPoint("http requests", at).Tag("variant", "canary").Tag("tier", "gold").Field("hits", 40L).Field("failures", 2L).Field("le_inf", 40L)],
            new Dictionary<string, string?>
            {
                ["Metrics:Measurements:Requests"] = "http requests",
                ["Metrics:Tags:Cohort"] = "variant",
                ["Metrics:Tags:Segment"] = "tier",
                ["Metrics:Fields:Count"] = "hits",
                ["Metrics:Fields:Errors"] = "failures",
            });

        var snapshot = await host.Reader.ReadSnapshotAsync(FiveMinutes);

        Assert.Equal(5.0, snapshot.Cohorts.Canary.ErrorRatePct);
        Assert.Equal(5.0, snapshot.Segments["gold"].Canary.ErrorRatePct);
        Assert.Equal(at, snapshot.NewestPointAt);
    }

    [Fact]
    public async Task ReadSnapshot_StatementError_Throws()
    {
        // sum() over a string field is an error of that one statement inside a 200 answer.
        var at = RolloutScenario.Now.AddMinutes(-1);
        await using var host = await HostWithAsync(
            [new InfluxPoint("requests", at).Tag("cohort", "canary").Field("count", "lots").Field("errors", 0L)]);

        var error = await Assert.ThrowsAnyAsync<InfluxException>(() => host.Reader.ReadSnapshotAsync(FiveMinutes));

        Assert.True(error.ServerMessage is not null, error.ToString());
    }

    [Fact]
    public async Task ReadSnapshot_ServerUnreachable_Throws()
    {
        var nothingListens = new Uri($"http://127.0.0.1:{Dashboard.TestSupport.FreePort.Next()}");
        await using var host = new MetricsReaderHost(nothingListens, "rollout");

        await Assert.ThrowsAnyAsync<InfluxException>(() => host.Reader.ReadSnapshotAsync(FiveMinutes));
    }

    private static void AssertMetrics(
        CohortMetrics actual, double errorRate, double p50, double p95, double p99, double availability, double rps,
        double learners, double revenuePerLearner, double completion, double churn, double cache, double cpu, double memory)
    {
        Assert.Equal(errorRate, actual.ErrorRatePct!.Value, 9);
        Assert.Equal(p50, actual.P50Ms!.Value, 9);
        Assert.Equal(p95, actual.P95Ms!.Value, 9);
        Assert.Equal(p99, actual.P99Ms!.Value, 9);
        Assert.Equal(availability, actual.AvailabilityPct!.Value, 9);
        Assert.Equal(rps, actual.Rps!.Value, 9);
        Assert.Equal(learners, actual.ActiveLearners!.Value, 9);
        Assert.Equal(revenuePerLearner, actual.RevenuePerLearner!.Value, 9);
        Assert.Equal(completion, actual.CompletionRatePct!.Value, 9);
        Assert.Equal(churn, actual.ChurnRatePct!.Value, 9);
        Assert.Equal(cache, actual.CacheEfficiencyPct!.Value, 9);
        Assert.Equal(cpu, actual.CpuPct!.Value, 9);
        Assert.Equal(memory, actual.MemoryMb!.Value, 9);
    }
}
