using Dashboard.Integration.Tests.Rollouts;
using Dashboard.Integration.Tests.TestSupport;

namespace Dashboard.Integration.Tests.Guardrails;

/// <summary>
/// The guardrail status keeps the phase state and each rule's kind and reading as enums in C#; on the wire
/// (<c>GET /api/guardrails/status</c>) it is the JSON clients always had, with all three by name.
/// </summary>
[Collection(InfluxCollection.Name)]
public sealed class GuardrailStatusJsonTests(InfluxServerFixture influx)
{
    // The live values and any streak a noisy poll began change from run to run; the names do not.
    private static readonly string[] Volatile = ["rolloutId", "streak", "streakSince", "values", "lastBreachAt", "lastAction", "judgedFrom", "evidence"];

    private static readonly string WatchedCanary = ViewJson.Compact("""
        {
          "rolloutId": "*", "service": "analyzer", "candidateVersion": "1.5.0", "phase": "canary", "state": "Running",
          "rules": [
            { "ruleId": "trigger:0", "kind": "RollbackTrigger", "condition": "Error rate > 1.5 %", "action": "roll back", "reading": "Clean", "streak": "*", "required": 1, "streakSince": "*", "values": "*", "blocked": null, "evidence": "*" },
            { "ruleId": "trigger:1", "kind": "RollbackTrigger", "condition": "P99 latency > 250 ms", "action": "roll back", "reading": "Clean", "streak": "*", "required": 1, "streakSince": "*", "values": "*", "blocked": null, "evidence": "*" },
            { "ruleId": "trigger:2", "kind": "RollbackTrigger", "condition": "Availability < 99 %", "action": "roll back", "reading": "Clean", "streak": "*", "required": 1, "streakSince": "*", "values": "*", "blocked": null, "evidence": "*" },
            { "ruleId": "trigger:3", "kind": "RollbackTrigger", "condition": "Revenue impact < -5 %", "action": "roll back", "reading": "Clean", "streak": "*", "required": 3, "streakSince": "*", "values": "*", "blocked": null, "evidence": "*" }
          ],
          "lastBreachAt": "*", "lastAction": "*", "blindSince": null, "blindMetrics": [], "judgedFrom": "*"
        }
        """);

    [Fact]
    public async Task WatchedCanary_NamesItsPhaseStateAndEachRulesKindAndReading()
    {
        await using var app = await GuardrailApp.StartAsync(influx);
        var id = await GuardrailApp.StartRolloutAsync(app);

        var watched = await GuardrailApp.WaitUntilJudgedAsync(app, id, provenHealthy: true);

        Assert.Equal(WatchedCanary, ViewJson.Masked(watched, Volatile));
    }
}
