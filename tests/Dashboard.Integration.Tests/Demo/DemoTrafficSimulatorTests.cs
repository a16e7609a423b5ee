using Dashboard.Infrastructure.Influx;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.Web.Features.Demo;
using Microsoft.Extensions.DependencyInjection;
using static Dashboard.Integration.Tests.Demo.DemoInfluxQueries;

namespace Dashboard.Integration.Tests.Demo;

/// <summary>The simulator's ticks, written through the write buffer into a real influxd and read back with InfluxQL.</summary>
[Collection(InfluxCollection.Name)]
public sealed class DemoTrafficSimulatorTests(InfluxServerFixture fixture)
{
    // Far from "now", so the simulator's own live tick at start-up never mixes in.
    private static readonly DateTimeOffset At = new(2025, 3, 10, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
    private static readonly string[] Measurements = ["requests", "probes", "learners", "business", "resources"];
    private static readonly (string Cohort, string Version)[] Cohorts = [("baseline", "v2.9.4"), ("canary", "v3.0.0-sprint-2-complete")];
    private static readonly string[] Segments = ["A", "B", "C"];
    private static readonly string[] Regions = ["us-east", "us-west", "eu"];

    [Fact]
    public async Task Tick_WritesEveryMeasurementForEveryCohortSegmentAndRegion()
    {
        await using var app = await StartAsync();
        var client = app.Services.GetRequiredService<IInfluxClient>();

        await app.Services.GetRequiredService<DemoTrafficSimulator>().TickAsync(At, Interval, CancellationToken.None);
        await WaitForPointsAsync(client, "resources", At, At, 18);

        foreach (var measurement in Measurements)
        {
            var series = await SeriesAsync(client, $"SELECT * FROM {InfluxQl.Identifier(measurement)} WHERE time = {Time(At)} GROUP BY *");
            Assert.Equal(18, series.Count);
            var tagSets = series.Select(s => (s.Tags["cohort"], s.Tags["version"], s.Tags["segment"], s.Tags["region"])).ToHashSet();
            var expected =
                from cohort in Cohorts
                from segment in Segments
                from region in Regions
                select (cohort.Cohort, cohort.Version, segment, region);
            Assert.True(expected.ToHashSet().SetEquals(tagSets), $"{measurement} has tag sets {string.Join("; ", tagSets)}");
            Assert.All(series, s => Assert.Equal("ultra-fast-analyzer", s.Tags["service"]));
        }
    }

    [Fact]
    public async Task Tick_WritesCountsAsIntegersAndMeasuresAsFloats()
    {
        await using var app = await StartAsync();
        var client = app.Services.GetRequiredService<IInfluxClient>();

        await app.Services.GetRequiredService<DemoTrafficSimulator>().TickAsync(At, Interval, CancellationToken.None);
        await WaitForPointsAsync(client, "resources", At, At, 18);

        var fieldTypes = (await SeriesAsync(client, "SHOW FIELD KEYS"))
            .SelectMany(s => Enumerable.Range(0, s.Values.Count).Select(row => (Key: $"{s.Name}.{s.Values[row][0]}", Type: (string?)s.Values[row][1])))
            .ToDictionary(f => f.Key, f => f.Type);
        var integers = new[]
        {
            "requests.count", "requests.errors", "requests.le_10", "requests.le_25", "requests.le_50", "requests.le_100",
            "requests.le_200", "requests.le_250", "requests.le_500", "requests.le_1000", "requests.le_inf",
            "probes.ok", "probes.total", "learners.active", "business.sessions", "business.completions", "business.churned",
            "resources.cache_hits", "resources.cache_misses",
        };
        var floats = new[] { "business.revenue", "resources.cpu_pct", "resources.mem_mb", "resources.net_mbps", "resources.db_query_ms" };
        Assert.Equal(integers.Length + floats.Length, fieldTypes.Count);
        Assert.All(integers, key => Assert.Equal("integer", fieldTypes[key]));
        Assert.All(floats, key => Assert.Equal("float", fieldTypes[key]));
    }

    [Fact]
    public async Task Ticks_ReadBackWithInfluxQl_GivePlausibleErrorRateAvailabilityAndSplit()
    {
        await using var app = await StartAsync();
        var client = app.Services.GetRequiredService<IInfluxClient>();
        var last = await TickAsync(app, ticks: 120);

        var (errors, requests) = await SumsByCohortAsync(client, "requests", "errors", "count", last);
        var (ok, total) = await SumsByCohortAsync(client, "probes", "ok", "total", last);

        foreach (var cohort in new[] { "baseline", "canary" })
        {
            Assert.InRange(100.0 * errors[cohort] / requests[cohort], 0.15, 0.45);
            Assert.InRange(100.0 * ok[cohort] / total[cohort], 99.9, 100);
        }

        Assert.InRange(100.0 * requests["canary"] / (requests["canary"] + requests["baseline"]), 47, 53);
    }

    [Fact]
    public async Task Ticks_ErrorSpikeInjected_RaiseOnlyTheCanaryErrorRate()
    {
        await using var app = await StartAsync();
        var client = app.Services.GetRequiredService<IInfluxClient>();
        // Straight onto the board the simulator reads: the service's authorization and audit are not what this tests.
        app.Services.GetRequiredService<DemoFaultBoard>().Inject(FaultKind.ErrorSpike, 10, TimeSpan.FromHours(1));
        var last = await TickAsync(app, ticks: 60);

        var (errors, requests) = await SumsByCohortAsync(client, "requests", "errors", "count", last);

        Assert.InRange(100.0 * errors["canary"] / requests["canary"], 9.3, 11.3);
        Assert.InRange(100.0 * errors["baseline"] / requests["baseline"], 0.1, 0.6);
    }

    [Fact]
    public async Task Tick_CanaryWeightSetToZero_WritesNoCanarySeries()
    {
        await using var app = await StartAsync();
        var client = app.Services.GetRequiredService<IInfluxClient>();
        app.Services.GetRequiredService<DemoTrafficSplit>().SetCanaryWeight(0);

        await app.Services.GetRequiredService<DemoTrafficSimulator>().TickAsync(At, Interval, CancellationToken.None);
        await WaitForPointsAsync(client, "resources", At, At, 9);

        var cohorts = await SeriesAsync(client, $"SELECT sum(\"count\") FROM \"requests\" WHERE time = {Time(At)} GROUP BY \"cohort\"");
        Assert.Equal(["baseline"], cohorts.Select(s => s.Tags["cohort"]));
    }

    private async Task<DemoTestApp> StartAsync() =>
        await DemoTestApp.StartAsync(DemoTestApp.Settings(fixture.Url, await fixture.CreateDatabaseAsync("demo")));

    /// <summary>Runs consecutive ticks from <see cref="At"/>, waits until they are stored and returns the last tick's time.</summary>
    private static async Task<DateTimeOffset> TickAsync(DemoTestApp app, int ticks)
    {
        var simulator = app.Services.GetRequiredService<DemoTrafficSimulator>();
        var last = At + ((ticks - 1) * Interval);
        for (var i = 0; i < ticks; i++)
        {
            await simulator.TickAsync(At + (i * Interval), Interval, CancellationToken.None);
        }

        var client = app.Services.GetRequiredService<IInfluxClient>();
        foreach (var measurement in Measurements)
        {
            await WaitForPointsAsync(client, measurement, At, last, ticks * 18L);
        }

        return last;
    }

    private static async Task<(Dictionary<string, long> Part, Dictionary<string, long> Whole)> SumsByCohortAsync(
        IInfluxClient client, string measurement, string part, string whole, DateTimeOffset last)
    {
        var series = await SeriesAsync(
            client,
            $"SELECT sum({InfluxQl.Identifier(part)}) AS part, sum({InfluxQl.Identifier(whole)}) AS whole FROM {InfluxQl.Identifier(measurement)} " +
            $"WHERE \"service\" = 'ultra-fast-analyzer' AND time >= {Time(At)} AND time <= {Time(last)} GROUP BY \"cohort\"");
        return (
            series.ToDictionary(s => s.Tags["cohort"], s => s.GetInt64(0, "part") ?? 0),
            series.ToDictionary(s => s.Tags["cohort"], s => s.GetInt64(0, "whole") ?? 0));
    }
}
