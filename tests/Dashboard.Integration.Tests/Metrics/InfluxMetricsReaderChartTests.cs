using Dashboard.Core.Metrics;
using Dashboard.Infrastructure.Influx;
using Dashboard.Integration.Tests.TestSupport;

namespace Dashboard.Integration.Tests.Metrics;

[Collection(InfluxCollection.Name)]
public sealed class InfluxMetricsReaderChartTests(InfluxServerFixture fixture)
{
    private static readonly DateTimeOffset Now = MetricsReaderHost.Now;
    private static readonly DateTimeOffset From = Now.AddMinutes(-15);

    // These tests look at single buckets: a minimum of 1 merges nothing (docs/metrics.md, "Honest charts").
    private static readonly Dictionary<string, string?> EveryBucket = new()
    {
        ["Metrics:ChartMinimumRequests"] = "1",
        ["Metrics:ChartMinimumProbes"] = "1",
    };

    private async Task<MetricsReaderHost> HostWithAsync(IReadOnlyCollection<InfluxPoint> points, IDictionary<string, string?>? settings = null)
    {
        var host = new MetricsReaderHost(fixture.Url, await fixture.CreateDatabaseAsync("charts"), settings ?? EveryBucket);
        await host.Influx.WriteAsync(points);
        return host;
    }

    private static InfluxPoint Requests(string cohort, DateTimeOffset at, long count, long errors, int fullFromBucket)
    {
        // Every request falls into the bucket with index fullFromBucket (0 = le_10 … 7 = le_1000).
        var point = new InfluxPoint("requests", at).Tag("cohort", cohort).Tag("segment", "A").Field("count", count).Field("errors", errors);
        for (var i = 0; i < LatencyHistogram.BucketCount; i++)
        {
            point.Field(LatencyHistogram.FieldNames[i], i >= fullFromBucket ? count : 0L);
        }

        return point;
    }

    [Fact]
    public async Task ReadCharts_ComputesEachBucketFromItsSums()
    {
        await using var host = await HostWithAsync(
        [
            Requests("canary", From, 10, 1, fullFromBucket: 0),
            Requests("canary", From.AddSeconds(30), 30, 0, fullFromBucket: 7),
            new InfluxPoint("probes", From.AddSeconds(10)).Tag("cohort", "canary").Field("ok", 9L).Field("total", 10L),
            Requests("canary", Now.AddSeconds(-1), 90, 9, fullFromBucket: 4),
            Requests("baseline", From.AddMinutes(5), 100, 0, fullFromBucket: 2),
            new InfluxPoint("probes", From.AddMinutes(5)).Tag("cohort", "baseline").Field("ok", 100L).Field("total", 100L),
            // Outside [from, to): the range end itself and just before the start.
            Requests("canary", Now, 1000, 1000, fullFromBucket: 8),
            Requests("canary", From.AddSeconds(-1), 1000, 1000, fullFromBucket: 8),
        ]);

        var set = await host.Reader.ReadChartsAsync(ChartRange.Last15Minutes, maxPoints: 10);

        var bucket = TimeSpan.FromSeconds(90);
        var last = From.AddSeconds(90 * 9);
        Assert.Equal(bucket, set.Bucket);
        Assert.Equal(From, set.From);
        Assert.Equal(Now, set.To);
        Assert.Equal([(From, 2.5), (last, 10.0)], Values(set, ChartMetric.ErrorRatePct, Cohort.Canary));
        Assert.Equal([(From.AddSeconds(270), 0.0)], Values(set, ChartMetric.ErrorRatePct, Cohort.Baseline));
        Assert.Equal([(From, 90.0), (last, null)], Values(set, ChartMetric.AvailabilityPct, Cohort.Canary));
        Assert.Equal([(From.AddSeconds(270), 100.0)], Values(set, ChartMetric.AvailabilityPct, Cohort.Baseline));

        var p99 = set.Series[ChartMetric.P99Ms][Cohort.Canary];
        // Bucket 0 sums 10 fast and 30 slow requests: rank 39.6 lies 29.6 of 30 into (500, 1000].
        Assert.Equal(500 + (500 * 29.6 / 30), p99[0].Value!.Value, 9);
        Assert.Equal(199.0, p99[1].Value!.Value, 9);
        var rps = set.Series[ChartMetric.Rps][Cohort.Canary];
        Assert.Equal(40.0 / 90, rps[0].Value!.Value, 12);
        Assert.Equal(1.0, rps[1].Value!.Value, 12);
    }

    [Fact]
    public async Task ReadCharts_DenseData_NeverExceedsMaxPointsAndKeepsEveryRequest()
    {
        // A point every 5 s from 30 s before the range to 30 s after it; 130 s buckets (900 s / 7
        // rounded up to whole 5 s points) do not divide the epoch evenly at the range start, so only
        // buckets aligned on the start give 7 points.
        var points = Enumerable.Range(-6, 180 + 12)
            .Select(i => Requests("baseline", From.AddSeconds(5 * i), 5, 1, fullFromBucket: 3))
            .ToList();
        await using var host = await HostWithAsync(points);

        var set = await host.Reader.ReadChartsAsync(ChartRange.Last15Minutes, maxPoints: 7);

        Assert.Equal(TimeSpan.FromSeconds(130), set.Bucket);
        Assert.NotEqual(0, From.ToUnixTimeSeconds() % 130);
        foreach (var metric in Enum.GetValues<ChartMetric>())
        {
            Assert.Equal(7, set.Series[metric][Cohort.Baseline].Count);
            Assert.Empty(set.Series[metric][Cohort.Canary]);
        }

        var rps = set.Series[ChartMetric.Rps][Cohort.Baseline];
        Assert.Equal(From, rps[0].Time);
        Assert.Equal(Enumerable.Range(0, 7).Select(i => From.AddSeconds(130 * i)), rps.Select(point => point.Time));
        Assert.Equal(180 * 5, rps.Sum(point => point.Value!.Value * 130), 6);
        Assert.All(set.Series[ChartMetric.ErrorRatePct][Cohort.Baseline], point => Assert.Equal(20.0, point.Value!.Value, 9));
        Assert.All(set.Series[ChartMetric.P99Ms][Cohort.Baseline], point => Assert.Equal(99.5, point.Value!.Value, 9));
    }

    [Fact]
    public async Task ReadCharts_LongestRange_UsesSevenMinuteFifteenSecondBuckets()
    {
        await using var host = await HostWithAsync([Requests("canary", Now.AddHours(-30), 10, 0, fullFromBucket: 0)]);

        var set = await host.Reader.ReadChartsAsync(ChartRange.Last36Hours, maxPoints: 300);

        Assert.Equal(TimeSpan.FromSeconds(435), set.Bucket);
        Assert.Single(set.Series[ChartMetric.Rps][Cohort.Canary]);
        Assert.Equal(10.0 / 435, set.Series[ChartMetric.Rps][Cohort.Canary][0].Value!.Value, 12);
    }

    [Fact]
    public async Task ReadCharts_LowTrafficCanary_IsMergedToTheConfiguredRequests_WhileTheBaselineKeepsItsBuckets()
    {
        // A 1 % canary: 25 requests every 5 s, one error in the third point; the baseline has 2,500.
        var start = Now.AddMinutes(-2);
        var points = Enumerable.Range(0, 24).SelectMany(i => new[]
        {
            Requests("canary", start.AddSeconds(5 * i), 25, i == 2 ? 1 : 0, fullFromBucket: 3),
            Requests("baseline", start.AddSeconds(5 * i), 2500, 5, fullFromBucket: 3),
        }).ToList();
        await using var host = await HostWithAsync(points, new Dictionary<string, string?> { ["Metrics:ChartMinimumRequests"] = "100" });

        var set = await host.Reader.ReadChartsAsync(ChartRange.Last15Minutes, maxPoints: 180);

        var canary = set.Series[ChartMetric.ErrorRatePct][Cohort.Canary];
        Assert.Equal(6, canary.Count);
        Assert.Equal([1.0, 0.0, 0.0, 0.0, 0.0, 0.0], canary.Select(p => p.Value!.Value));
        Assert.All(canary, p => Assert.Equal((100.0, TimeSpan.FromSeconds(20)), (p.Events!.Value, p.Covers)));
        Assert.Equal(24, set.Series[ChartMetric.ErrorRatePct][Cohort.Baseline].Count);
        Assert.Equal(24, set.Series[ChartMetric.Rps][Cohort.Canary].Count);
        Assert.Equal(new ChartEvidence(100, 60), set.Evidence);
    }

    private static (DateTimeOffset, double?)[] Values(ChartSeriesSet set, ChartMetric metric, Cohort cohort) =>
        [.. set.Series[metric][cohort].Select(p => (p.Time, p.Value))];
}
