using System.Text.Json;
using Dashboard.Integration.Tests.Notifications;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.TestSupport;

namespace Dashboard.Integration.Tests.Guardrails;

/// <summary>
/// A guardrail rollback while a real HAProxy's runtime API cannot be reached: the rollback is saved,
/// the critical alert is raised and retried, and when the socket is back the router is set to 0 %
/// through the audited reconcile path and the alert clears; the chat hears of each once.
/// </summary>
[Collection(InfluxCollection.Name)]
public sealed class GuardrailRouterAlertTests(InfluxServerFixture influx)
{
    [Fact]
    public async Task RollbackWhileRuntimeApiUnreachable_RaisesAlertUntilHaproxyConfirmsZero()
    {
        await using var baseline = TinyHttpBackend.Start(HaproxyServer.BaselineServer);
        await using var canary = TinyHttpBackend.Start(HaproxyServer.CanaryServer);
        await using var haproxy = await HaproxyServer.StartAsync(baseline.Port, canary.Port);
        await using var hook = await WebhookReceiver.StartAsync();
        await using var app = await GuardrailApp.StartAsync(influx, new Dictionary<string, string>
        {
            ["Routing__Kind"] = "Haproxy",
            ["Routing__Haproxy__RuntimeApi"] = haproxy.UnixRuntimeApi,
            ["Routing__Haproxy__Timeout"] = "00:00:02",
            ["Notifications__WebhookUrl"] = hook.Url.ToString(),
        });
        var id = await GuardrailApp.StartRolloutAsync(app);
        await GuardrailApp.WaitUntilJudgedAsync(app, id);
        Assert.StartsWith("1 ", await haproxy.SendCommandAsync($"get weight {HaproxyServer.Backend}/{HaproxyServer.CanaryServer}"), StringComparison.Ordinal);

        // The socket's name disappears (as when HAProxy restarts, or a volume goes away); HAProxy keeps its weights.
        var aside = haproxy.AdminSocketPath + ".aside";
        File.Move(haproxy.AdminSocketPath, aside);
        await app.PostAsync("/api/demo/faults", new { kind = "errorSpike", magnitude = 3, durationSeconds = 300 });
        var alert = await WaitForAlertAsync(app, id, present: true);
        var rolledBack = await app.GetAsync($"/api/rollouts/{id}");
        var stillUp = await GuardrailApp.WaitForAsync(app, "the router alert retried", async () =>
            await AlertAsync(app, id) is { } retried && retried.GetProperty("attempts").GetInt32() > 1 ? retried : null);

        File.Move(aside, haproxy.AdminSocketPath);
        await WaitForAlertAsync(app, id, present: false);
        var canaryWeight = await haproxy.SendCommandAsync($"get weight {HaproxyServer.Backend}/{HaproxyServer.CanaryServer}");
        // The drift check may also see HAProxy at 1 % while 0 % is recorded, and audit it under its own name
        // (docs/traffic.md); that record interleaves with the rollback's by timing, so it is checked apart.
        var all = (await app.GetAsync($"/api/rollouts/{id}/events")).EnumerateArray().ToList();
        var events = all.Where(e => !IsDrift(e)).ToList();
        // One message at a time in queue order: once the recovery (queued last) has arrived, any extra alert would have too.
        var delivered = await hook.WaitForDeliveredAsync(bodies => bodies.Any(body => Title(body).Contains("confirms 0 % canary traffic again", StringComparison.Ordinal)), "the recovery message", TimeSpan.FromSeconds(20));
        var titles = delivered.Select(Title).ToList();

        Assert.Equal(("RolledBack", 0), (rolledBack.GetProperty("currentState").GetString(), rolledBack.GetProperty("requestedWeightPercent").GetInt32()));
        Assert.Equal(0, alert.GetProperty("wantedPercent").GetInt32());
        Assert.Contains("did not confirm", alert.GetProperty("problem").GetString(), StringComparison.Ordinal);
        Assert.True(stillUp.GetProperty("attempts").GetInt32() > 1, stillUp.ToString());
        Assert.StartsWith("0 ", canaryWeight, StringComparison.Ordinal);

        var kinds = events.Select(e => e.GetProperty("kind").GetString()).ToList();
        var rollback = kinds.IndexOf("rollout.rolledBack");
        Assert.Equal(["rollout.rolledBack", "traffic.changeRequested", "traffic.changeFailed"], kinds.Skip(rollback).Take(3));
        Assert.Contains("traffic.reconciled", kinds.Skip(rollback));
        Assert.Equal("traffic.changeApplied", kinds[^1]);
        // One rollback message (from the saved event), one alert however many retries failed, one recovery.
        Assert.Equal(3, titles.Count);
        Assert.Single(titles, t => t.Contains("rolled back in phase canary", StringComparison.Ordinal));
        Assert.Single(titles, t => t.StartsWith("[CRITICAL]", StringComparison.Ordinal) && t.Contains("has not confirmed 0 % canary traffic", StringComparison.Ordinal));
        Assert.Single(titles, t => t.Contains("confirms 0 % canary traffic again", StringComparison.Ordinal));
        Assert.All(events.Skip(rollback), e => Assert.Equal("automation (guardrails)", e.GetProperty("actor").GetString()));
        Assert.All(all.Where(IsDrift), e => Assert.Equal("automation (drift check)", e.GetProperty("actor").GetString()));
    }

    private static bool IsDrift(JsonElement auditEvent) =>
        auditEvent.GetProperty("kind").GetString()!.StartsWith("traffic.drift", StringComparison.Ordinal);

    private static Task<JsonElement> WaitForAlertAsync(RolloutApiApp app, Guid id, bool present) =>
        GuardrailApp.WaitForAsync(app, present ? "the router alert" : "the router alert to clear", async () =>
        {
            var alert = await AlertAsync(app, id);
            return present ? alert : alert is null ? JsonDocument.Parse("{}").RootElement : null;
        });

    /// <summary>The rollout's router alert, or null when there is none.</summary>
    private static async Task<JsonElement?> AlertAsync(RolloutApiApp app, Guid id)
    {
        var alert = (await app.GetAsync("/api/guardrails/status")).GetProperty("alerts").EnumerateArray().FirstOrDefault(a => a.GetProperty("rolloutId").GetGuid() == id);
        return alert.ValueKind == JsonValueKind.Object ? alert : null;
    }

    private static string Title(string body)
    {
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("text").GetString()!;
    }
}
