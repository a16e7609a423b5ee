using System.Net;
using System.Text.Json;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.TestSupport;

namespace Dashboard.Integration.Tests.Web;

[Collection(InfluxCollection.Name)]
public sealed class HealthEndpointTests(InfluxServerFixture influx)
{
    [Fact]
    public async Task Readyz_WithInfluxAndStateStoreUp_IsReadyWithEachDependencyAndLatency_ForASignedInCaller()
    {
        await using var app = await AppProcess.StartAsync(Settings(influx.Url.ToString()));
        using var http = await app.SignInAsAdminAsync();

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
    public async Task Readyz_WithInfluxDown_Is503_ShowsAnonymousCallersOnlyStatuses_AndSignedInCallersTheError()
    {
        var closedPort = FreePort.Next();
        var influxAddress = $"127.0.0.1:{closedPort}";
        await using var app = await AppProcess.StartAsync(Settings($"http://{influxAddress}"));
        using var anonymous = new HttpClient { BaseAddress = app.Url };
        using var signedIn = await app.SignInAsAdminAsync();

        using var ready = await anonymous.GetAsync("/readyz");
        var text = await ready.Content.ReadAsStringAsync();
        using var body = JsonDocument.Parse(text);
        using var alive = await anonymous.GetAsync("/healthz");
        using var detailed = await signedIn.GetAsync("/readyz");
        using var details = JsonDocument.Parse(await detailed.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var influxCheck = body.RootElement.GetProperty("checks").GetProperty("influxdb");
        Assert.Equal("Unhealthy", influxCheck.GetProperty("status").GetString());
        Assert.Equal("Healthy", body.RootElement.GetProperty("checks").GetProperty("stateStore").GetProperty("status").GetString());
        Assert.False(influxCheck.TryGetProperty("error", out _), text);
        Assert.DoesNotContain(influxAddress, text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, detailed.StatusCode);
        Assert.Contains(influxAddress, details.RootElement.GetProperty("checks").GetProperty("influxdb").GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Settings(string influxUrl) => new()
    {
        ["Influx__Url"] = influxUrl,
        ["Influx__Database"] = "health",
        ["Influx__MaxRetries"] = "0",
        ["Demo__Enabled"] = "false",
    };
}
