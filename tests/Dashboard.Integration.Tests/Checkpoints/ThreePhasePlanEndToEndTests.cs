using System.Net;
using System.Text.Json.Nodes;
using System.Text;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.TestSupport;

namespace Dashboard.Integration.Tests.Checkpoints;

/// <summary>
/// The three-phase plan of docs/plans.md run by the app itself at <c>Rollout:TimeScale=240</c> (the 2 h canary takes
/// 30 s) against the demo simulator writing into a real influxd: checkpoints fire from Quartz, verdicts are persisted,
/// the phases advance on their own, and an injected error spike makes the guardrail roll the candidate back to 0 %.
/// The only changes to the built-in plan are the gates of canary and ramp (auto-advance, advancing on WARN too), so no
/// person is needed.
/// </summary>
[Collection(InfluxCollection.Name)]
public sealed class ThreePhasePlanEndToEndTests(InfluxServerFixture influx) : IDisposable
{
    private const string PlanId = "three-phase-unattended";

    private readonly string _folder = Directory.CreateTempSubdirectory("three-phase-e2e-").FullName;

    [Fact]
    public async Task HealthyCandidate_AdvancesCanaryRampRolloutByItself_ThenAnErrorSpikeIsRolledBackByTheGuardrail()
    {
        await using var app = await RolloutApiApp.StartAsync(influx.Url, Path.Combine(_folder, "state.db"), new Dictionary<string, string>
        {
            ["Influx__Database"] = await influx.CreateDatabaseAsync("threephase"),
            ["Demo__Enabled"] = "true",
            ["Demo__Interval"] = "00:00:01",
            ["Demo__BackfillHours"] = "0",
            // A scaled 15-minute checkpoint lasts under 4 s: enough volume that it holds as many samples as a real one would.
            ["Demo__TotalRps"] = "40000",
            ["Demo__ProbesPerSecond"] = "500",
            ["Metrics__PointInterval"] = "00:00:01",
            ["CheckpointEvaluation__SampleInterval"] = "00:00:01",
            ["Rollout__TimeScale"] = "240",
            // InfluxDB 1.x makes a point's fields visible one by one: read the window once its last points are in.
            ["Rollout__CheckpointSettleDelay"] = "00:00:05",
        });
        await PostUnattendedPlanAsync(app);
        var id = await app.CreateRolloutAsync(PlanId);
        var (status, _) = await app.PostAsync($"/api/rollouts/{id}/start", new { reason = "sprint 2 release" });
        Assert.Equal(HttpStatusCode.OK, status);

        // The advance is saved before the router confirms the new weight: wait for both, as they are asserted.
        // A phase that holds will never advance: stop waiting then, and show the verdicts that held it.
        var inRollout = await app.WaitForRolloutAsync(
            id, r => r.GetProperty("currentPhaseIndex").GetInt32() == 2 && r.GetProperty("appliedWeightPercent").GetInt32() == 100
                || r.GetProperty("currentState").GetString() is "Held" or "RolledBack",
            "the last phase at 100 % applied", TimeSpan.FromMinutes(5));
        var verdicts = (await app.GetAsync($"/api/rollouts/{id}/checkpoints")).EnumerateArray().ToList();
        Assert.True(
            inRollout.GetProperty("currentPhaseIndex").GetInt32() == 2,
            $"The rollout stopped as {inRollout.GetProperty("currentState")} before the last phase; its verdicts: {string.Join(Environment.NewLine, verdicts)}");
        var events = await EventsAsync(app, id);

        Assert.Equal("rollout", inRollout.GetProperty("currentPhase").GetString());
        Assert.Equal(100, inRollout.GetProperty("appliedWeightPercent").GetInt32());
        var earlier = verdicts.Where(v => v.GetProperty("phaseIndex").GetInt32() < 2).ToList();
        Assert.Equal(
            ["canary 00:15:00", "canary 00:30:00", "canary 01:00:00", "canary 01:30:00", "canary 02:00:00",
             "ramp 00:15:00", "ramp 00:30:00", "ramp 01:00:00", "ramp 02:00:00", "ramp 03:00:00", "ramp 04:00:00"],
            earlier.Select(v => $"{v.GetProperty("phase").GetString()} {v.GetProperty("checkpoint").GetString()}"));
        Assert.All(earlier, v => Assert.True(v.GetProperty("verdict").GetString() is "Pass" or "Warn", v.ToString()));
        Assert.Equal(2, events.Count(e => e.Kind == "phase.advanced" && e.Actor.StartsWith("automation", StringComparison.Ordinal)));
        Assert.True(events.FindIndex(e => e.Kind == "checkpoint.evaluated") < events.FindIndex(e => e.Kind == "phase.advanced"));

        var (faultStatus, _) = await app.PostAsync("/api/demo/faults", new { kind = "errorSpike", magnitude = 4, durationSeconds = 600 });
        Assert.Equal(HttpStatusCode.Created, faultStatus);
        var rolledBack = await app.WaitForStateAsync(id, "RolledBack", TimeSpan.FromMinutes(2));
        await app.WaitForRolloutAsync(id, r => r.GetProperty("appliedWeightPercent").GetInt32() == 0, "0 % applied", TimeSpan.FromSeconds(30));
        events = await EventsAsync(app, id);

        var rollback = events.Single(e => e.Kind == "rollout.rolledBack");
        Assert.Contains("guardrail", rollback.Actor, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(2, rolledBack.GetProperty("currentPhaseIndex").GetInt32());
        var (checkStatus, drift) = await app.PostAsync("/api/routing/drift/check", new { });
        Assert.Equal(HttpStatusCode.OK, checkStatus);
        Assert.Equal(0, drift.GetProperty("observed").GetProperty("canaryPercent").GetDouble());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>The built-in three-phase plan as stored, with the canary's and the ramp's gates auto-advancing on WARN too.</summary>
    private static async Task PostUnattendedPlanAsync(RolloutApiApp app)
    {
        var builtIn = await app.GetAsync("/api/plans/three-phase");
        var plan = JsonNode.Parse(builtIn.GetProperty("definition").GetRawText())!.AsObject();
        plan["id"] = PlanId;
        plan["name"] = "Three-phase canary, unattended";
        // Unattended: a WARN at a last checkpoint advances too (advanceOnWarn), as no person is there to decide.
        plan["phases"]![0]!["gate"] = new JsonObject { ["type"] = "autoAdvance", ["advanceOnWarn"] = true };
        plan["phases"]![1]!["gate"] = new JsonObject { ["type"] = "autoAdvance", ["advanceOnWarn"] = true };
        using var content = new StringContent(plan.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await app.Http.PostAsync("/api/plans?actor=alice", content);
        await app.ReadAsync(response, HttpStatusCode.Created);
    }

    private static async Task<List<(string Kind, string Actor)>> EventsAsync(RolloutApiApp app, Guid id) =>
        [.. (await app.GetAsync($"/api/rollouts/{id}/events")).EnumerateArray().Select(e => (e.GetProperty("kind").GetString()!, e.GetProperty("actor").GetString()!))];
}
