using System.Net;
using System.Text.Json;
using Dashboard.Infrastructure.Influx;
using Dashboard.Infrastructure.Metrics;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.Web.Features.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Integration.Tests.Metrics;

/// <summary>
/// <c>GET /api/metrics/snapshot</c> through a real Kestrel pipeline with the product's DI
/// extensions, against the real influxd.
/// </summary>
[Collection(InfluxCollection.Name)]
public sealed class MetricsEndpointTests(InfluxServerFixture fixture)
{
    private static async Task<RunningApp> StartAsync(Uri influxUrl, string database)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(MetricsReaderHost.Settings(influxUrl, database));
        builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(MetricsReaderHost.Now));
        builder.Services.AddProblemDetails();
        builder.Services.AddInflux(builder.Configuration).AddMetricsReader(builder.Configuration);
        var app = builder.Build();
        app.MapMetricsEndpoints();
        await app.StartAsync();
        return new RunningApp(app, new HttpClient { BaseAddress = new Uri(app.Urls.First()) });
    }

    private async Task<RunningApp> StartWithScenarioAsync()
    {
        var running = await StartAsync(fixture.Url, await fixture.CreateDatabaseAsync("endpoint"));
        await running.App.Services.GetRequiredService<IInfluxClient>().WriteAsync(RolloutScenario.Points());
        return running;
    }

    [Fact]
    public async Task GetSnapshot_DefaultWindow_ReturnsTheDocumentedShape()
    {
        await using var running = await StartWithScenarioAsync();

        using var response = await running.Http.GetAsync(new Uri("/api/metrics/snapshot", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal(300, root.GetProperty("windowSeconds").GetInt32());
        Assert.Equal(MetricsReaderHost.Now, root.GetProperty("asOf").GetDateTimeOffset());
        Assert.Equal(RolloutScenario.NewestInside, root.GetProperty("newestPointAt").GetDateTimeOffset());
        Assert.Equal(20.0, root.GetProperty("revenueImpactPct").GetDouble(), 9);
        Assert.Equal(2.0, root.GetProperty("segmentVariancePp").GetDouble(), 9);
        var canary = root.GetProperty("cohorts").GetProperty("canary");
        Assert.Equal(3.0, canary.GetProperty("errorRatePct").GetDouble(), 9);
        Assert.Equal(198.0, canary.GetProperty("p99Ms").GetDouble(), 9);
        Assert.Equal(99.9, canary.GetProperty("availabilityPct").GetDouble(), 9);
        Assert.Equal(100.0, canary.GetProperty("activeLearners").GetDouble(), 9);
        Assert.Equal(
            ["errorRatePct", "p50Ms", "p95Ms", "p99Ms", "availabilityPct", "rps", "activeLearners", "revenuePerLearner",
             "completionRatePct", "churnRatePct", "cacheEfficiencyPct", "cpuPct", "memoryMb", "incompletePoints"],
            canary.EnumerateObject().Select(property => property.Name));
        Assert.False(canary.GetProperty("incompletePoints").GetBoolean());
        Assert.Equal(4.0, root.GetProperty("segments").GetProperty("B").GetProperty("canary").GetProperty("errorRatePct").GetDouble(), 9);
        Assert.Equal(99.8, root.GetProperty("regions").GetProperty("us-east").GetProperty("canary").GetProperty("availabilityPct").GetDouble(), 9);
    }

    [Fact]
    public async Task GetSnapshot_WindowWithoutData_WritesNullsRatherThanOmittingThem()
    {
        await using var running = await StartWithScenarioAsync();

        // 10 s before "now" holds no point of the scenario.
        using var response = await running.Http.GetAsync(new Uri("/api/metrics/snapshot?window=10s", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal(10, root.GetProperty("windowSeconds").GetInt32());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("revenueImpactPct").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("newestPointAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("segmentVariancePp").ValueKind);
        Assert.All(root.GetProperty("cohorts").GetProperty("baseline").EnumerateObject().Where(property => property.Name != "incompletePoints"),
            property => Assert.Equal(JsonValueKind.Null, property.Value.ValueKind));
        Assert.Equal(14, root.GetProperty("cohorts").GetProperty("canary").EnumerateObject().Count());
        Assert.Empty(root.GetProperty("segments").EnumerateObject());
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("5")]
    [InlineData("5x")]
    [InlineData("9s")]
    [InlineData("37h")]
    [InlineData("-5m")]
    [InlineData("99999999999999999999h")]
    public async Task GetSnapshot_BadWindow_Returns400NamingTheParameter(string window)
    {
        await using var running = await StartAsync(fixture.Url, await fixture.CreateDatabaseAsync("endpoint"));

        using var response = await running.Http.GetAsync(new Uri($"/api/metrics/snapshot?window={Uri.EscapeDataString(window)}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(400, json.RootElement.GetProperty("status").GetInt32());
        Assert.True(json.RootElement.GetProperty("errors").TryGetProperty("window", out _));
        Assert.Contains("window", json.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSnapshot_InfluxUnreachable_Returns503WithTheCause()
    {
        var nothingListens = new Uri($"http://127.0.0.1:{Dashboard.TestSupport.FreePort.Next()}");
        await using var running = await StartAsync(nothingListens, "rollout");

        using var response = await running.Http.GetAsync(new Uri("/api/metrics/snapshot?window=1h", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(503, json.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(json.RootElement.GetProperty("detail").GetString()));
    }

    private sealed class RunningApp(WebApplication app, HttpClient http) : IAsyncDisposable
    {
        public WebApplication App => app;

        public HttpClient Http => http;

        public async ValueTask DisposeAsync()
        {
            http.Dispose();
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
