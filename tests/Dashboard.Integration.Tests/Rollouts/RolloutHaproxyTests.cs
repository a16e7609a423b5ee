using System.Net;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.TestSupport;

namespace Dashboard.Integration.Tests.Rollouts;

/// <summary>The rollout API moving a real HAProxy's weights through its runtime API (each test starts its own haproxy).</summary>
[Collection(InfluxCollection.Name)]
public sealed class RolloutHaproxyTests(InfluxServerFixture influx)
{
    [Fact]
    public async Task ChangeTraffic_WithHaproxyRouter_SetsHaproxysServerWeights()
    {
        await using var baseline = TinyHttpBackend.Start(HaproxyServer.BaselineServer);
        await using var canary = TinyHttpBackend.Start(HaproxyServer.CanaryServer);
        await using var haproxy = await HaproxyServer.StartAsync(baseline.Port, canary.Port);
        await using var app = await RolloutApiApp.StartAsync(influx.Url, extra: Router(haproxy.TcpRuntimeApi));
        var id = await app.CreateRolloutAsync();
        await app.PostAsync($"/api/rollouts/{id}/start", new { reason = "go" });

        var (status, changed) = await app.PostAsync($"/api/rollouts/{id}/traffic", new { percent = 10, reason = "ramp" });
        var canaryWeight = await haproxy.SendCommandAsync($"get weight {HaproxyServer.Backend}/{HaproxyServer.CanaryServer}");
        var baselineWeight = await haproxy.SendCommandAsync($"get weight {HaproxyServer.Backend}/{HaproxyServer.BaselineServer}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Applied", Assert.Single(changed.GetProperty("trafficChanges").EnumerateArray()).GetProperty("status").GetString());
        Assert.StartsWith("10 ", canaryWeight, StringComparison.Ordinal);
        Assert.StartsWith("90 ", baselineWeight, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WhenHaproxyRefusesTheWeight_Is502AndTheChangeIsRecordedAsFailed()
    {
        await using var baseline = TinyHttpBackend.Start(HaproxyServer.BaselineServer);
        await using var canary = TinyHttpBackend.Start(HaproxyServer.CanaryServer);
        await using var haproxy = await HaproxyServer.StartAsync(baseline.Port, canary.Port);

        // The operator-level socket may read weights but not set them.
        await using var app = await RolloutApiApp.StartAsync(influx.Url, extra: Router(haproxy.OperatorRuntimeApi));
        var id = await app.CreateRolloutAsync();

        var (status, problem) = await app.PostAsync($"/api/rollouts/{id}/start", new { reason = "go" });
        var rollout = await app.GetAsync($"/api/rollouts/{id}");
        var canaryWeight = await haproxy.SendCommandAsync($"get weight {HaproxyServer.Backend}/{HaproxyServer.CanaryServer}");

        Assert.Equal(HttpStatusCode.BadGateway, status);
        var change = Assert.Single(problem.GetProperty("trafficChanges").EnumerateArray());
        Assert.Equal("Failed", change.GetProperty("status").GetString());
        Assert.Contains("Permission denied", change.GetProperty("failureMessage").GetString(), StringComparison.Ordinal);
        Assert.Equal("InProgress", rollout.GetProperty("status").GetString());
        Assert.Equal(1, rollout.GetProperty("requestedWeightPercent").GetInt32());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, rollout.GetProperty("appliedWeightPercent").ValueKind);
        Assert.Equal("Failed", rollout.GetProperty("lastTrafficChange").GetProperty("status").GetString());
        Assert.StartsWith("0 ", canaryWeight, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Router(string runtimeApi) => new()
    {
        ["Routing__Kind"] = "Haproxy",
        ["Routing__Haproxy__RuntimeApi"] = runtimeApi,
        ["Routing__Haproxy__Timeout"] = "00:00:15",
    };
}
