using System.Net;
using System.Text;
using System.Text.Json;
using Dashboard.Integration.Tests.Rollouts;
using Dashboard.Integration.Tests.TestSupport;

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
            await CreatePlanAsync(first);
            id = await first.CreateRolloutAsync(PlanId);
            var (status, started) = await first.PostAsync($"/api/rollouts/{id}/start", new { reason = "go" });
            Assert.Equal(HttpStatusCode.OK, status);
            startedAt = started.GetProperty("rollout").GetProperty("startedAt").GetDateTimeOffset();
            await Task.Delay(TimeSpan.FromSeconds(3));
            Assert.Empty((await first.GetAsync($"/api/rollouts/{id}/checkpoints")).EnumerateArray());
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
        var rollout = await WaitForStateAsync(second, id, "AwaitingSignOff");
        await Task.Delay(TimeSpan.FromSeconds(3));
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
        var rollout = await WaitForStateAsync(app, id, "Held");
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
    };

    private static async Task CreatePlanAsync(RolloutApiApp app)
    {
        using var content = new StringContent(Plan, Encoding.UTF8, "application/json");
        using var response = await app.Http.PostAsync("/api/plans?actor=alice", content);
        await app.ReadAsync(response, HttpStatusCode.Created);
    }

    private static async Task<List<JsonElement>> WaitForVerdictsAsync(RolloutApiApp app, Guid id, int count)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(90);
        List<JsonElement> verdicts;
        do
        {
            await Task.Delay(500);
            verdicts = [.. (await app.GetAsync($"/api/rollouts/{id}/checkpoints")).EnumerateArray()];
        }
        while (verdicts.Count < count && DateTimeOffset.UtcNow < deadline);

        Assert.True(verdicts.Count >= count, $"Expected {count} verdicts, got {verdicts.Count}.\nApp output:\n{app.Output}");
        return verdicts;
    }

    private static async Task<JsonElement> WaitForStateAsync(RolloutApiApp app, Guid id, string state)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        JsonElement rollout;
        do
        {
            rollout = await app.GetAsync($"/api/rollouts/{id}");
            if (rollout.GetProperty("currentState").GetString() == state)
            {
                return rollout;
            }

            await Task.Delay(250);
        }
        while (DateTimeOffset.UtcNow < deadline);

        Assert.Fail($"Rollout stayed {rollout.GetProperty("currentState").GetString()}, expected {state}.\nApp output:\n{app.Output}");
        return rollout;
    }
}
