using System.Net;
using System.Text.Json;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.TestSupport;

namespace Dashboard.Integration.Tests.Web;

[Collection(InfluxCollection.Name)]
public sealed class HealthEndpointTests(InfluxServerFixture influx)
{
    [Fact]
    public async Task Readyz_WithInfluxAndStateStoreUp_IsReadyWithEachDependencyAndLatency()
    {
        await using var app = await AppProcess.StartAsync(Settings(influx.Url.ToString()));
        using var http = new HttpClient { BaseAddress = app.Url };

        using var response = await http.GetAsync("/readyz");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        foreach (var dependency in new[] { "influxdb", "stateStore" })
        {
            var check = body.RootElement.GetProperty("checks").GetProperty(dependency);
            Assert.Equal("Healthy", check.GetProperty("status").GetString());
            Assert.True(check.GetProperty("latencyMs").GetDouble() >= 0);
        }
    }

    [Fact]
    public async Task Readyz_WithInfluxDown_Is503AndNamesInfluxAsTheCause()
    {
        var closedPort = FreePort.Next();
        await using var app = await AppProcess.StartAsync(Settings($"http://127.0.0.1:{closedPort}"));
        using var http = new HttpClient { BaseAddress = app.Url };

        using var ready = await http.GetAsync("/readyz");
        using var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        using var alive = await http.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", body.RootElement.GetProperty("checks").GetProperty("influxdb").GetProperty("status").GetString());
        Assert.Equal("Healthy", body.RootElement.GetProperty("checks").GetProperty("stateStore").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
    }

    private static Dictionary<string, string> Settings(string influxUrl) => new()
    {
        ["Influx__Url"] = influxUrl,
        ["Influx__Database"] = "health",
        ["Influx__MaxRetries"] = "0",
        ["Demo__Enabled"] = "false",
    };
}
