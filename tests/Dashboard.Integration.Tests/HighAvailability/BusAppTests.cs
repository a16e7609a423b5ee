using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.TestSupport;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Dashboard.Integration.Tests.HighAvailability;

/// <summary>
/// Two real app instances on one PostgreSQL and one Redis: what is saved through A reaches the live hub's clients on B,
/// and no hub message arrives twice; a Redis outage shows on both <c>/readyz</c>, and the bus works again afterwards without a restart.
/// </summary>
[Collection(InfluxPostgresRedisCollection.Name)]
public sealed class BusAppTests(InfluxServerFixture influx, PostgresServerFixture postgres, RedisServerFixture redis)
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(60);
    private static readonly string[] ViewerRole = ["Viewer"];

    [Fact]
    public async Task TrafficChangeSavedThroughA_ReachesTheHubClientsOfBothInstances_AndNoMessageArrivesTwice()
    {
        await using var pair = await HighAvailabilityPair.StartAsync(influx.Server, postgres.Server, bus: redis.Server, settings: new Dictionary<string, string>
        {
            ["LiveMetrics__PollInterval"] = "00:00:01",
        });
        var token = await ApiKeyAsync(pair.A);
        await using var onA = await ConnectAsync(pair.A, token);
        await using var onB = await ConnectAsync(pair.B, token);
        var id = await pair.A.CreateRolloutAsync();
        await pair.A.PostAsync($"/api/rollouts/{id}/start", new { reason = "go" });

        await pair.A.PostAsync($"/api/rollouts/{id}/traffic", new { percent = 10, reason = "more traffic" });

        await WaitForWeightAsync(onB, id, 10);
        await WaitForWeightAsync(onA, id, 10);
        // Each poll's state is sent once, by the instance that polled; a copy would come within milliseconds of the
        // original, so only states followed by three more polls are judged.
        await Eventually.UntilAsync(() => onB.States.Count >= 12, Within, "a dozen live states on B");
        var received = onB.States.ToList();
        var judged = received.Take(received.Count - 3).ToList();
        Assert.All(judged, state => Assert.Equal(1, received.Count(s => s == state)));
    }

    [Fact]
    public async Task RedisDown_BothInstancesSaySoOnReadyz_AndOnceItIsBackChangesReachTheOtherInstanceAgain()
    {
        await using var own = await RedisServer.StartAsync();
        await using var pair = await HighAvailabilityPair.StartAsync(influx.Server, postgres.Server, bus: own);
        var token = await ApiKeyAsync(pair.A);
        await using var onB = await ConnectAsync(pair.B, token);
        var id = await pair.A.CreateRolloutAsync();
        await pair.A.PostAsync($"/api/rollouts/{id}/start", new { reason = "go" });
        await WaitForReadyAsync(pair.A, "Healthy");
        await WaitForReadyAsync(pair.B, "Healthy");

        await own.StopAsync();
        await WaitForReadyAsync(pair.A, "Unhealthy");
        await WaitForReadyAsync(pair.B, "Unhealthy");
        // PostgreSQL is up: saving goes on during the outage, on A alone.
        var (status, _) = await pair.A.PostAsync($"/api/rollouts/{id}/traffic", new { percent = 10, reason = "during the outage" });
        Assert.Equal(HttpStatusCode.OK, status);

        await own.RestartAsync();
        await WaitForReadyAsync(pair.A, "Healthy");
        await WaitForReadyAsync(pair.B, "Healthy");
        await pair.A.PostAsync($"/api/rollouts/{id}/traffic", new { percent = 20, reason = "after the outage" });

        await WaitForWeightAsync(onB, id, 20);
    }

    // The readiness of Redis as a signed-in caller sees it (anonymous callers get statuses only, which is enough).
    private static Task<JsonElement> WaitForReadyAsync(RolloutApiApp app, string redisStatus) =>
        app.WaitForAsync(
            async () =>
            {
                using var response = await app.Http.GetAsync(new Uri("/readyz", UriKind.Relative));
                return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
            },
            ready => ready.GetProperty("checks").TryGetProperty("redis", out var check) && check.GetProperty("status").GetString() == redisStatus,
            $"/readyz to report Redis {redisStatus}",
            Within);

    private static async Task<string> ApiKeyAsync(RolloutApiApp app)
    {
        using var created = await app.Http.PostAsJsonAsync("/api/admin/api-keys", new { name = "hub", roles = ViewerRole, expiresAt = DateTimeOffset.UtcNow.AddDays(1) });
        return (await app.ReadAsync(created, HttpStatusCode.Created)).GetProperty("token").GetString()!;
    }

    private static async Task<HubMessages> ConnectAsync(RolloutApiApp app, string token)
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Url, "/hubs/live"), options =>
            {
                options.AccessTokenProvider = () => Task.FromResult<string?>(token);
                options.Transports = HttpTransportType.WebSockets;
            })
            .Build();
        var messages = new HubMessages(hub);
        await hub.StartAsync();
        return messages;
    }

    private static Task WaitForWeightAsync(HubMessages client, Guid id, int percent) =>
        Eventually.UntilAsync(
            () => client.Any(m => Is(m, id, requested: percent, applied: percent)),
            Within,
            $"a rollout message with {percent} % applied",
            () => string.Join("\n", client.Rollouts.Select(m => m.ToString())));

    private static bool Is(JsonElement rollout, Guid id, int requested, int applied) =>
        rollout.GetProperty("id").GetGuid() == id
        && rollout.GetProperty("requestedWeightPercent").GetInt32() == requested
        && rollout.GetProperty("appliedWeightPercent").GetInt32() == applied;

    /// <summary>A hub connection and every <c>rollout</c> message it received.</summary>
    private sealed class HubMessages : IAsyncDisposable
    {
        private readonly HubConnection _hub;

        public HubMessages(HubConnection hub)
        {
            _hub = hub;
            hub.On<JsonElement>("rollout", Rollouts.Enqueue);
            hub.On<JsonElement>("state", state => States.Enqueue(state.GetProperty("lastAttemptAt").ToString()));
        }

        public ConcurrentQueue<JsonElement> Rollouts { get; } = new();

        /// <summary>Each <c>state</c> message's <c>lastAttemptAt</c>: which poll it is.</summary>
        public ConcurrentQueue<string> States { get; } = new();

        public bool Any(Func<JsonElement, bool> predicate) => Rollouts.Any(predicate);

        public ValueTask DisposeAsync() => _hub.DisposeAsync();
    }
}
