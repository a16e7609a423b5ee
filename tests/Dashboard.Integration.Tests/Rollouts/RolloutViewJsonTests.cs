using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.TestSupport;
using Microsoft.AspNetCore.SignalR.Client;

namespace Dashboard.Integration.Tests.Rollouts;

/// <summary>
/// The rollout view keeps its enums in C#; on the wire it is the JSON clients always had: the REST
/// answer and the <c>rollout</c> message of <c>/hubs/live</c> carry every state and action by name.
/// </summary>
[Collection(InfluxCollection.Name)]
public sealed class RolloutViewJsonTests(InfluxServerFixture influx)
{
    private static readonly string[] ViewerRole = ["Viewer"];

    private static readonly string[] Volatile = ["id", "createdAt", "startedAt", "requestedAt", "settledAt"];

    private static readonly string StartedRollout = ViewJson.Compact("""
        {
          "id": "*", "service": "analyzer", "baselineVersion": "1.4.0", "candidateVersion": "1.5.0",
          "planId": "three-phase", "planName": "Three-phase canary",
          "status": "InProgress", "currentPhaseIndex": 0, "currentPhase": "canary", "currentState": "Running",
          "allowedActions": ["Advance", "Hold", "ChangeTraffic", "RollBack", "Abort", "RequestSignOff", "MarkPassed"],
          "requestedWeightPercent": 1, "appliedWeightPercent": 1,
          "lastTrafficChange": {
            "id": "*", "phaseIndex": 0, "fromPercent": 0, "toPercent": 1, "status": "Applied", "source": "Api",
            "requestedBy": "admin", "requestedAt": "*", "reason": "go", "settledAt": "*", "readBackPercent": 1, "failureMessage": null
          },
          "phases": [
            { "index": 0, "name": "canary", "state": "Running", "trafficPercent": 1, "duration": "02:00:00", "startedAt": "*", "endedAt": null, "heldAt": null },
            { "index": 1, "name": "ramp", "state": "Pending", "trafficPercent": 10, "duration": "04:00:00", "startedAt": "*", "endedAt": null, "heldAt": null },
            { "index": 2, "name": "rollout", "state": "Pending", "trafficPercent": 100, "duration": "1.12:00:00", "startedAt": "*", "endedAt": null, "heldAt": null }
          ],
          "createdBy": "admin", "createdAt": "*", "startedBy": "admin", "startedAt": "*", "version": 2
        }
        """);

    [Fact]
    public async Task StartedRollout_OverRestAndTheLiveHub_IsTheSameJsonWithStatesAndActionsByName()
    {
        await using var app = await RolloutApiApp.StartAsync(influx.Url);
        var messages = new ConcurrentQueue<JsonElement>();
        await using var hub = await ConnectAsync(app, messages);
        var id = await app.CreateRolloutAsync();

        var (status, started) = await app.PostAsync($"/api/rollouts/{id}/start", new { reason = "go" });
        var rest = await app.GetAsync($"/api/rollouts/{id}");
        var pushed = await WaitForSettledMessageAsync(messages, id, app);

        Assert.True(status == HttpStatusCode.OK, started.ToString());
        Assert.Equal(StartedRollout, ViewJson.Masked(rest, Volatile));
        Assert.Equal(StartedRollout, ViewJson.Masked(pushed, Volatile));
    }

    /// <summary>A hub client that proves who it is with an API key of the Viewer role, as a screen's script would.</summary>
    private static async Task<HubConnection> ConnectAsync(RolloutApiApp app, ConcurrentQueue<JsonElement> messages)
    {
        var (created, key) = await app.PostAsync("/api/admin/api-keys", new { name = "hub", roles = ViewerRole, expiresAt = DateTimeOffset.UtcNow.AddDays(1) });
        Assert.True(created == HttpStatusCode.Created, key.ToString());
        var token = key.GetProperty("token").GetString();
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Url, "/hubs/live"), options => options.AccessTokenProvider = () => Task.FromResult(token))
            .Build();
        hub.On<JsonElement>("rollout", messages.Enqueue);
        await hub.StartAsync();
        return hub;
    }

    /// <summary>The hub pushes the rollout when the start is saved and again when the router confirmed its weight; this waits for the latter.</summary>
    private static async Task<JsonElement> WaitForSettledMessageAsync(ConcurrentQueue<JsonElement> messages, Guid id, RolloutApiApp app)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (DateTimeOffset.UtcNow < deadline)
        {
            var found = messages.FirstOrDefault(m => m.GetProperty("id").GetGuid() == id
                && m.GetProperty("lastTrafficChange") is { ValueKind: JsonValueKind.Object } change
                && change.GetProperty("settledAt").ValueKind != JsonValueKind.Null);
            if (found.ValueKind == JsonValueKind.Object)
            {
                return found;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"No rollout message with a settled traffic change within 30 s; got {messages.Count}.\nApp output:\n{app.Output}");
        return default;
    }
}
