using System.Net;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.SampleService;

namespace Dashboard.Integration.Tests.SampleService;

/// <summary>The sample service counts its own requests and writes them as the dashboard's <c>requests</c> measurement.</summary>
[Collection(InfluxCollection.Name)]
public sealed class SampleServiceWriteTests(InfluxServerFixture fixture)
{
    [Fact]
    public async Task Analyze_AllErrorsProfile_WritesCountsErrorsAndHistogramPerSegmentAndRegion()
    {
        var database = await fixture.CreateDatabaseAsync("sample");
        await using var service = await SampleServiceHost.StartAsync(fixture.Url, database, new Dictionary<string, string?>
        {
            ["Cohort"] = "canary",
            ["Version"] = "v3.0.0-test",
            ["ErrorRatePct"] = "100",
            ["LatencyMedianMs"] = "30",
            ["LatencySpread"] = "0",
        });
        using var http = new HttpClient { BaseAddress = service.BaseUrl };

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 30; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, i < 20 ? "/analyze" : "/?segment=B&region=us-west");
            if (i < 20)
            {
                request.Headers.Add(AnalyzeEndpoint.SegmentHeader, "A");
                request.Headers.Add(AnalyzeEndpoint.RegionHeader, "eu");
            }

            using var response = await http.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        await service.StopAsync();
        var series = await RequestsReadBack.ReadAsync(fixture.Url, database);

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.InternalServerError, status));
        Assert.Equal(2, series.Count);
        var a = Assert.Single(series, s => s.Tags["segment"] == "A");
        var b = Assert.Single(series, s => s.Tags["segment"] == "B");
        Assert.Equal(("eu", 20L, 20L), (a.Tags["region"], a.Count, a.Errors));
        Assert.Equal(("us-west", 10L, 10L), (b.Tags["region"], b.Count, b.Errors));
        foreach (var s in series)
        {
            Assert.Equal("ultra-fast-analyzer", s.Tags["service"]);
            Assert.Equal("canary", s.Tags["cohort"]);
            Assert.Equal("v3.0.0-test", s.Tags["version"]);

            // 30 ms exactly (spread 0): above le_25, inside le_50; cumulative from there on, le_inf = count.
            Assert.Equal([0, 0, s.Count, s.Count, s.Count, s.Count, s.Count, s.Count, s.Count], s.Buckets);
        }

        var types = await RequestsReadBack.FieldTypesAsync(fixture.Url, database);
        Assert.All(types.Values, type => Assert.Equal("integer", type));
        Assert.Equal(11, types.Count);
    }

    [Fact]
    public async Task Analyze_NoErrorsProfile_AnswersOkAndPicksConfiguredSegmentsWhenUnnamed()
    {
        var database = await fixture.CreateDatabaseAsync("sample");
        await using var service = await SampleServiceHost.StartAsync(fixture.Url, database, new Dictionary<string, string?>
        {
            ["ErrorRatePct"] = "0",
            ["LatencyMedianMs"] = "0",
            ["Segments"] = "S1,S2",
            ["Regions"] = "r1",
        });
        using var http = new HttpClient { BaseAddress = service.BaseUrl };

        const int Requests = 50;
        for (var i = 0; i < Requests; i++)
        {
            using var response = await http.GetAsync(new Uri("/analyze", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await service.StopAsync();
        var series = await RequestsReadBack.ReadAsync(fixture.Url, database);

        Assert.Equal(Requests, series.Sum(s => s.Count));
        Assert.Equal(0, series.Sum(s => s.Errors));
        Assert.All(series, s =>
        {
            Assert.True(s.Tags["segment"] is "S1" or "S2", s.Tags["segment"]);
            Assert.Equal("r1", s.Tags["region"]);
            Assert.Equal("baseline", s.Tags["cohort"]);
            Assert.All(s.Buckets, bucket => Assert.Equal(s.Count, bucket));
        });
    }

    [Fact]
    public async Task Analyze_UnknownSegment_IsRefusedAndNotCounted()
    {
        var database = await fixture.CreateDatabaseAsync("sample");
        await using var service = await SampleServiceHost.StartAsync(fixture.Url, database, new Dictionary<string, string?> { ["LatencyMedianMs"] = "0" });
        using var http = new HttpClient { BaseAddress = service.BaseUrl };

        using var refused = await http.GetAsync(new Uri("/analyze?segment=Z", UriKind.Relative));
        using var counted = await http.GetAsync(new Uri("/analyze?segment=C&region=eu", UriKind.Relative));
        await service.StopAsync();
        var series = await RequestsReadBack.ReadAsync(fixture.Url, database);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, counted.StatusCode);
        var only = Assert.Single(series);
        Assert.Equal(("C", "eu", 1L), (only.Tags["segment"], only.Tags["region"], only.Count));
    }
}
