using Dashboard.Core.Metrics;
using Dashboard.Infrastructure.Influx;
using Dashboard.Infrastructure.Metrics;
using Dashboard.Integration.Tests.TestSupport;
using Microsoft.Extensions.Options;

namespace Dashboard.Integration.Tests.Metrics;

/// <summary>
/// The live reader against a real influxd while one canary point is half written (docs/metrics.md,
/// "Torn reads"). Whole points at −4 min: baseline A and canary A, B, 100 requests each (canary A all
/// in (50, 100] ms, B in (100, 200], baseline in (10, 25]). The half-written point at −1 min adds 100
/// canary A requests in (500, 1000] with 10 errors. Whole, the canary's P99 is 985 ms; read torn
/// and "repaired", it would be 198 ms.
/// </summary>
[Collection(InfluxCollection.Name)]
public sealed class InfluxMetricsReaderTornReadTests(InfluxServerFixture fixture)
{
    private static readonly TimeSpan FiveMinutes = TimeSpan.FromMinutes(5);

    // Short, so the re-reads of a point that stays torn cost the test little; the default is 200 ms.
    private static readonly TimeSpan Backoff = TimeSpan.FromMilliseconds(20);

    // Whole milliseconds, as the points are stored.
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());

    private readonly DateTimeOffset _whole = Now.AddMinutes(-4);
    private readonly DateTimeOffset _torn = Now.AddMinutes(-1);

    private async Task<MetricsReaderHost> HostWithFirstHalfAsync()
    {
        var host = new MetricsReaderHost(fixture.Url, await fixture.CreateDatabaseAsync("torn"));
        await host.Influx.WriteAsync(
        [
            Whole("baseline", "A", errors: 1, [0, 100, 100, 100, 100, 100, 100, 100, 100]),
            Whole("canary", "A", errors: 2, [0, 0, 0, 100, 100, 100, 100, 100, 100]),
            Whole("canary", "B", errors: 4, [0, 0, 0, 0, 100, 100, 100, 100, 100]),
            new InfluxPoint("probes", _whole).Tag("cohort", "canary").Tag("segment", "A").Field("ok", 999L).Field("total", 1000L),
            HalfWrittenPoint.FirstHalf(TornPoint(), errors: 10),
        ]);
        return host;
    }

    private InfluxPoint Whole(string cohort, string segment, long errors, long[] histogram)
    {
        var point = new InfluxPoint("requests", _whole).Tag("cohort", cohort).Tag("segment", segment).Tag("region", "eu")
            .Field("count", 100L).Field("errors", errors);
        for (var i = 0; i < histogram.Length; i++)
        {
            point.Field(LatencyHistogram.FieldNames[i], histogram[i]);
        }

        return point;
    }

    private InfluxPoint TornPoint() => new InfluxPoint("requests", _torn).Tag("cohort", "canary").Tag("segment", "A").Tag("region", "eu");

    private static InfluxMetricsReader Reader(IInfluxClient influx) =>
        new(influx, Options.Create(new MetricsSchemaOptions { TornReadBackoff = Backoff }), TimeProvider.System);

    [Fact]
    public async Task ReadSnapshot_PointStillHalfWritten_CanaryRequestMetricsAreNoDataAfterTwoRereads()
    {
        await using var host = await HostWithFirstHalfAsync();
        var influx = new QueryObservingInfluxClient(host.Influx);

        var snapshot = await Reader(influx).ReadSnapshotAsync(FiveMinutes);

        Assert.Equal(1 + TornReadRetry.MaxRereads, influx.Answers);
        var canary = snapshot.Cohorts.Canary;
        Assert.True(canary.IncompletePoints);
        Assert.Equal((null, null, null, null, null), (canary.ErrorRatePct, canary.P50Ms, canary.P95Ms, canary.P99Ms, canary.Rps));
        Assert.Equal(99.9, canary.AvailabilityPct!.Value, 9);
        Assert.True(snapshot.Segments["A"].Canary.IncompletePoints);
        Assert.Null(snapshot.Segments["A"].Canary.P99Ms);
        Assert.Null(SegmentVariance.OfCanaryErrorRate(snapshot.Segments));
        // Groups without the torn point keep their numbers.
        Assert.Equal(199.0, snapshot.Segments["B"].Canary.P99Ms!.Value, 9);
        Assert.False(snapshot.Cohorts.Baseline.IncompletePoints);
        Assert.Equal(24.85, snapshot.Cohorts.Baseline.P99Ms!.Value, 9);
    }

    [Fact]
    public async Task ReadSnapshot_SecondHalfLandsBeforeTheReread_GivesTheWholePointsNumbers()
    {
        await using var host = await HostWithFirstHalfAsync();
        var influx = new QueryObservingInfluxClient(host.Influx, writeAfterFirstAnswer: [HalfWrittenPoint.SecondHalf(TornPoint())]);

        var snapshot = await Reader(influx).ReadSnapshotAsync(FiveMinutes);

        Assert.Equal(2, influx.Answers);
        var canary = snapshot.Cohorts.Canary;
        Assert.False(canary.IncompletePoints);
        // 300 requests: le_100 100, le_200 200, le_1000 300 → rank 297 = 500 + 500 × 97/100.
        Assert.Equal(985.0, canary.P99Ms!.Value, 9);
        Assert.Equal(16.0 / 300 * 100, canary.ErrorRatePct!.Value, 9);
        Assert.Equal(1.0, canary.Rps!.Value, 9);
        Assert.Equal(2.0, SegmentVariance.OfCanaryErrorRate(snapshot.Segments)!.Value, 9);
    }

    [Fact]
    public async Task ReadCharts_PointStillHalfWritten_ItsBucketHasNoValueAndTheOthersDo()
    {
        await using var host = await HostWithFirstHalfAsync();
        var influx = new QueryObservingInfluxClient(host.Influx);

        var set = await Reader(influx).ReadChartsAsync(ChartRange.Last15Minutes, maxPoints: 10);

        Assert.Equal(1 + TornReadRetry.MaxRereads, influx.Answers);
        var p99 = set.Series[ChartMetric.P99Ms][Cohort.Canary];
        Assert.Equal(2, p99.Count);
        Assert.NotNull(p99.Single(point => point.Time <= _whole && _whole < point.Time + set.Bucket).Value);
        var torn = p99.Single(point => point.Time <= _torn && _torn < point.Time + set.Bucket);
        Assert.Null(torn.Value);
        Assert.Null(set.Series[ChartMetric.ErrorRatePct][Cohort.Canary].Single(point => point.Time == torn.Time).Value);
        Assert.Null(set.Series[ChartMetric.Rps][Cohort.Canary].Single(point => point.Time == torn.Time).Value);
    }
}
