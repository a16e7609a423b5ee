using System.Globalization;
using System.Net;
using System.Text.Json;
using Dashboard.Integration.Tests.Checkpoints;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.TestSupport;

namespace Dashboard.Integration.Tests.HighAvailability;

/// <summary>
/// Checkpoints on a Quartz cluster of two real instances sharing one PostgreSQL database, at
/// <c>Rollout:TimeScale=60</c> (a planned minute takes a second), evaluated against the demo's data in a real
/// influxd: each fires on one instance only, and a killed instance's due checkpoint is recovered by the other
/// (docs/high-availability.md, "Quartz runs clustered").
/// </summary>
[Collection(InfluxAndPostgresCollection.Name)]
public sealed class QuartzClusterCheckpointTests(InfluxServerFixture influx, PostgresServerFixture postgres)
{
    private const string AlreadyEvaluated = "already has a verdict";

    [Fact]
    public async Task CheckpointsFallingDueWhileTwoInstancesRun_AreEachEvaluatedExactlyOnce()
    {
        await using var cluster = await QuartzCluster.StartAsync(influx, postgres, Settings());
        await cluster.A.CreatePlanAsync(Plan("ha-four", "\"10m\", \"20m\", \"30m\", \"40m\""));
        var id = await cluster.A.CreateRolloutAsync("ha-four");
        var (status, _) = await cluster.A.PostAsync($"/api/rollouts/{id}/start", new { reason = "go" });
        Assert.Equal(HttpStatusCode.OK, status);

        await WaitForVerdictsAsync(cluster.B, id, 4);
        await cluster.B.WaitForStateAsync(id, "AwaitingSignOff");
        // "Exactly once" needs an event after the last checkpoint, not a pause: a job the cluster ran after this moment.
        await CheckpointAppWaits.WaitForJobRunAfterAsync(cluster.A, id, DateTimeOffset.UtcNow);

        foreach (var app in new[] { cluster.A, cluster.B })
        {
            var verdicts = await app.GetAsync($"/api/rollouts/{id}/checkpoints");
            Assert.Equal(["00:10:00", "00:20:00", "00:30:00", "00:40:00"], verdicts.EnumerateArray().Select(v => v.GetProperty("checkpoint").GetString()));
            Assert.All(verdicts.EnumerateArray(), v => Assert.Equal("Pass", v.GetProperty("verdict").GetString()));
            Assert.Equal(4, await CountEventsAsync(app, id, "checkpoint.evaluated"));
        }

        // Evaluated once, not only stored once: no instance fired a checkpoint that already had its verdict.
        Assert.DoesNotContain(AlreadyEvaluated, cluster.A.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(AlreadyEvaluated, cluster.B.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InstanceHoldingADueCheckpointKilled_TheOtherRecoversIt_EachIsEvaluatedExactlyOnceAndTheRecoveredOneIsLate()
    {
        await using var cluster = await QuartzCluster.StartAsync(influx, postgres, Settings());
        var nodes = new Dictionary<string, RolloutApiApp>
        {
            [await QuartzCluster.NodeIdAsync(cluster.A)] = cluster.A,
            [await QuartzCluster.NodeIdAsync(cluster.B)] = cluster.B,
        };
        await cluster.A.CreatePlanAsync(Plan("ha-two", "\"20m\", \"40m\""));
        var id = await cluster.A.CreateRolloutAsync("ha-two");
        var (status, started) = await cluster.A.PostAsync($"/api/rollouts/{id}/start", new { reason = "go" });
        Assert.Equal(HttpStatusCode.OK, status);
        var startedAt = started.GetProperty("rollout").GetProperty("startedAt").GetDateTimeOffset();

        // The 20 min checkpoint fires 20 s + 1 s settle after the start. Quartz acquires a trigger ahead of its fire
        // time and holds it until then; kill the holder just before, so the fire time passes while it is dead.
        var firesAt = startedAt + TimeSpan.FromSeconds(21);
        var trigger = string.Create(CultureInfo.InvariantCulture, $"p0-{startedAt.ToUnixTimeMilliseconds()}-1200s");
        var killAt = firesAt - TimeSpan.FromSeconds(3);
        if (killAt > DateTimeOffset.UtcNow)
        {
            await Task.Delay(killAt - DateTimeOffset.UtcNow);
        }

        // A node acquires the trigger once it is the earliest it may take (each node takes one at a time, and the
        // intensive health checks come every 5 s), so on a loaded machine it may be taken only just before it fires:
        // look until half a second before then, not for a fixed second.
        var holder = await Eventually.UntilAsync(
            () => QuartzCluster.HolderAsync(cluster, $"checkpoints-{id:N}", trigger),
            node => node is not null,
            (firesAt - TimeSpan.FromSeconds(0.5) - DateTimeOffset.UtcNow) is { Ticks: > 0 } untilJustBefore ? untilJustBefore : TimeSpan.FromMilliseconds(1),
            $"an instance to hold trigger {trigger} before it fires at {firesAt:O}");
        var dead = nodes[holder!];
        var survivor = dead == cluster.A ? cluster.B : cluster.A;
        var killedAt = DateTimeOffset.UtcNow;
        await dead.KillAsync();
        Assert.True(killedAt < firesAt, $"The checkpoint's fire time passed {killedAt - firesAt} before the kill; the test must kill the holder before it.");
        Assert.Empty((await survivor.GetAsync($"/api/rollouts/{id}/checkpoints")).EnumerateArray());

        var verdicts = await WaitForVerdictsAsync(survivor, id, 2);
        await survivor.WaitForStateAsync(id, "AwaitingSignOff");
        await CheckpointAppWaits.WaitForJobRunAfterAsync(survivor, id, DateTimeOffset.UtcNow);
        var again = await survivor.GetAsync($"/api/rollouts/{id}/checkpoints");

        Assert.Equal(["00:20:00", "00:40:00"], verdicts.Select(v => v.GetProperty("checkpoint").GetString()));
        Assert.All(verdicts, v => Assert.Equal("Pass", v.GetProperty("verdict").GetString()));
        // Recovered once the dead instance's check-in went stale (2 s + 12 s after it): at least 5 s past its fire time.
        Assert.NotEqual(JsonValueKind.Null, verdicts[0].GetProperty("lateBy").ValueKind);
        Assert.Equal(2, again.GetArrayLength());
        Assert.Equal(2, await CountEventsAsync(survivor, id, "checkpoint.evaluated"));
    }

    private static Dictionary<string, string> Settings() => new()
    {
        ["Demo__Enabled"] = "true",
        ["Demo__Interval"] = "00:00:01",
        ["Demo__BackfillHours"] = "0.05",
        ["Rollout__TimeScale"] = "60",
        ["Rollout__CheckpointSettleDelay"] = "00:00:01",
        // Every intensive health check is kept: each run is an event the tests can wait for.
        ["Monitoring__IntensivePassEvery"] = "00:00:00",
    };

    /// <summary>One canary phase of 40 min (40 s scaled) judged on the error rate at <paramref name="checkpoints"/>, then sign-off.</summary>
    private static string Plan(string id, string checkpoints) => $$"""
        {
          "id": "{{id}}",
          "name": "Quartz cluster test",
          "phases": [
            {
              "name": "canary", "trafficPercent": 5, "duration": "40m", "checkpoints": [{{checkpoints}}],
              "criteria": [ { "metric": "errorRatePct", "comparator": "<", "threshold": 5, "warnMargin": 1 } ],
              "gate": { "type": "signOff", "roles": ["engineeringLead"] }
            },
            {
              "name": "full", "trafficPercent": 100, "duration": "1h", "checkpoints": ["1h"],
              "criteria": [ { "metric": "errorRatePct", "comparator": "<", "threshold": 5, "warnMargin": 1 } ],
              "gate": { "type": "autoAdvance" }
            }
          ]
        }
        """;

    private static async Task<int> CountEventsAsync(RolloutApiApp app, Guid id, string kind) =>
        (await app.GetAsync($"/api/rollouts/{id}/events")).EnumerateArray().Count(e => e.GetProperty("kind").GetString() == kind);

    private static Task<List<JsonElement>> WaitForVerdictsAsync(RolloutApiApp app, Guid id, int count) =>
        CheckpointAppWaits.WaitForVerdictsAsync(app, id, count, TimeSpan.FromSeconds(120));
}
