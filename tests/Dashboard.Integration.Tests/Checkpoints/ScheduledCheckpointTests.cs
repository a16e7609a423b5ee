using System.Net;
using System.Text.Json;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.TestSupport;

namespace Dashboard.Integration.Tests.Checkpoints;

/// <summary>
/// Checkpoints scheduled by Quartz in the state database, evaluated against the demo's data in a
/// real influxd, at <c>Rollout:TimeScale=60</c> (a planned minute takes a second) — through the real
/// app as a child process, which one test kills with SIGKILL.
/// </summary>
[Collection(InfluxCollection.Name)]
public sealed class ScheduledCheckpointTests(InfluxServerFixture influx) : IDisposable
{
    private const string PlanId = "checkpoint-test";

    /// <summary>Canary 30 min (30 s scaled) checked at 15 and 30 min on the error rate only, then sign-off.</summary>
    private const string Plan = """
        {
          "id": "checkpoint-test",
          "name": "Checkpoint test",
          "phases": [
            {
              "name": "canary", "trafficPercent": 5, "duration": "30m", "checkpoints": ["15m", "30m"],
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

    private readonly string _folder = Directory.CreateTempSubdirectory("checkpoints-test-").FullName;

    [Fact]
    public async Task AppKilledBetweenCheckpoints_AfterRestart_EachDueCheckpointIsEvaluatedExactlyOnceAndMarkedLate()
    {
        var settings = await SettingsAsync();
        var state = Path.Combine(_folder, "state.db");
        Guid id;
        DateTimeOffset startedAt;
        await using (var first = await RolloutApiApp.StartAsync(influx.Url, state, settings))
        {
            await first.CreatePlanAsync(Plan);
            id = await first.CreateRolloutAsync(PlanId);
            var (status, started) = await first.PostAsync($"/api/rollouts/{id}/start", new { reason = "go" });
            Assert.Equal(HttpStatusCode.OK, status);
            startedAt = started.GetProperty("rollout").GetProperty("startedAt").GetDateTimeOffset();
            // Not before its time: once the scheduler has run a job for the started rollout, no checkpoint was evaluated,
            // and that was seen before the first one fell due (else the kill would not come between checkpoints).
            await CheckpointAppWaits.WaitForJobRunAfterAsync(first, id, startedAt);
            var early = await first.GetAsync($"/api/rollouts/{id}/checkpoints");
            Assert.True(DateTimeOffset.UtcNow < startedAt.AddSeconds(15), "The first checkpoint fell due before the test looked; the kill must come before it.");
            Assert.Empty(early.EnumerateArray());
        } // SIGKILL: the child process is killed with its tree, as a crash would.

        // Both checkpoints (15 s and 30 s after the start) fall due while the app is down.
        var restartAt = startedAt + TimeSpan.FromSeconds(36);
        if (restartAt > DateTimeOffset.UtcNow)
        {
            await Task.Delay(restartAt - DateTimeOffset.UtcNow);
        }

        await using var second = await RolloutApiApp.StartAsync(influx.Url, state, settings);
        var verdicts = await WaitForVerdictsAsync(second, id, 2);
        Assert.All(verdicts, v => Assert.True(v.GetProperty("verdict").GetString() == "Pass", v.ToString()));
        var rollout = await second.WaitForStateAsync(id, "AwaitingSignOff");

        // "Exactly once" needs an event after the catch-up, not a pause: a job the scheduler ran later than this moment.
        await CheckpointAppWaits.WaitForJobRunAfterAsync(second, id, DateTimeOffset.UtcNow);
        var again = await second.GetAsync($"/api/rollouts/{id}/checkpoints");
        var events = await second.GetAsync($"/api/rollouts/{id}/events");

        Assert.Equal(["00:15:00", "00:30:00"], verdicts.Select(v => v.GetProperty("checkpoint").GetString()));
        Assert.All(verdicts, v => Assert.Equal("Pass", v.GetProperty("verdict").GetString()));
        Assert.All(verdicts, v => Assert.NotEqual(JsonValueKind.Null, v.GetProperty("lateBy").ValueKind));
        Assert.True(TimeSpan.Parse(verdicts[0].GetProperty("lateBy").GetString()!, System.Globalization.CultureInfo.InvariantCulture) > TimeSpan.FromSeconds(15));
        var criterion = verdicts[0].GetProperty("evaluation").GetProperty("criteria")[0];
        Assert.Equal("errorRatePct", criterion.GetProperty("metric").GetString());
        Assert.Contains("SELECT", criterion.GetProperty("query").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, again.GetArrayLength());
        Assert.Equal(2, events.EnumerateArray().Count(e => e.GetProperty("kind").GetString() == "checkpoint.evaluated"));
        Assert.Equal("AwaitingSignOff", rollout.GetProperty("currentState").GetString());
    }

    [Fact]
    public async Task CheckpointWithoutData_IsPersistedThenHoldsThePhase_NeverPasses()
    {
        // Nothing writes to InfluxDB: every InfluxDB criterion of the built-in canary has no data.
        var settings = await SettingsAsync();
        settings["Demo__Enabled"] = "false";
        await using var app = await RolloutApiApp.StartAsync(influx.Url, Path.Combine(_folder, "state.db"), settings);
        var id = await app.CreateRolloutAsync();
        await app.PostAsync($"/api/rollouts/{id}/start", new { reason = "go" });

        var verdict = (await WaitForVerdictsAsync(app, id, 1))[0];
        var rollout = await app.WaitForStateAsync(id, "Held");
        var kinds = (await app.GetAsync($"/api/rollouts/{id}/events")).EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();

        Assert.Equal(("00:15:00", "NoData"), (verdict.GetProperty("checkpoint").GetString(), verdict.GetProperty("verdict").GetString()));
        var errorRate = verdict.GetProperty("evaluation").GetProperty("criteria").EnumerateArray().Single(c => c.GetProperty("metric").GetString() == "errorRatePct");
        Assert.Equal("NoData", errorRate.GetProperty("verdict").GetString());
        Assert.StartsWith("No data in", errorRate.GetProperty("noDataReason").GetString(), StringComparison.Ordinal);
        Assert.True(kinds.IndexOf("checkpoint.evaluated") < kinds.IndexOf("phase.held"), string.Join(", ", kinds));
        Assert.Equal(["Resume", "RollBack", "Abort", "RetryPhase"], rollout.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<Dictionary<string, string>> SettingsAsync() => new()
    {
        ["Influx__Database"] = await influx.CreateDatabaseAsync("checkpoints"),
        ["Demo__Enabled"] = "true",
        ["Demo__Interval"] = "00:00:01",
        // A restart backfills the gap the crash left, as the demo does after any outage.
        ["Demo__BackfillHours"] = "0.05",
        ["Rollout__TimeScale"] = "60",
        ["Rollout__CheckpointSettleDelay"] = "00:00:01",
        // Every intensive health check is kept (not one PASS a minute): each run is an event the tests can wait for.
        ["Monitoring__IntensivePassEvery"] = "00:00:00",
    };


    private static Task<List<JsonElement>> WaitForVerdictsAsync(RolloutApiApp app, Guid id, int count) =>
        CheckpointAppWaits.WaitForVerdictsAsync(app, id, count, TimeSpan.FromSeconds(90));
}
