using System.Net;
using System.Text;

namespace Dashboard.E2E.Tests.TestSupport;

/// <summary>
/// Sets up, through the REST API, a started rollout whose canary is gated by sign-offs of <c>roles</c> and the
/// canary checklist, followed by a full phase (as an operator's script would).
/// </summary>
public static class GatedRollouts
{
    /// <summary>
    /// Stores the plan, creates and starts the rollout (and asks for sign-off when <paramref name="requestSignOff"/>);
    /// <paramref name="firstCheckpoint"/> is the canary's first checkpoint ("6h": none during a test).
    /// </summary>
    public static async Task<Guid> StartAsync(HttpClient admin, string service, IReadOnlyList<string> roles, string firstCheckpoint = "6h", bool requestSignOff = true)
    {
        ArgumentNullException.ThrowIfNull(admin);
        ArgumentNullException.ThrowIfNull(roles);
        var planId = $"gated-{service}";
        var checkpoints = firstCheckpoint == "6h" ? "\"6h\"" : $"\"{firstCheckpoint}\", \"6h\"";
        var plan = $$"""
            {
              "id": "{{planId}}", "name": "Gated canary ({{service}})", "description": "canary gated by leads, then everyone",
              "phases": [
                { "name": "canary", "trafficPercent": 5, "expectedPopulation": "5 %", "duration": "6h", "checkpoints": [{{checkpoints}}],
                  "criteria": [ { "metric": "errorRatePct", "comparator": "<", "threshold": 5, "warnMargin": 1 } ],
                  "autoRollbackTriggers": [], "contingencyRules": [],
                  "gate": { "type": "signOff", "roles": [{{string.Join(", ", roles.Select(r => $"\"{r}\""))}}], "checklistTemplateId": "canary-go-no-go" } },
                { "name": "full", "trafficPercent": 100, "expectedPopulation": "everyone", "duration": "6h", "checkpoints": ["6h"],
                  "criteria": [ { "metric": "errorRatePct", "comparator": "<", "threshold": 5, "warnMargin": 1 } ],
                  "autoRollbackTriggers": [], "contingencyRules": [],
                  "gate": { "type": "autoAdvance" } }
              ]
            }
            """;
        using (var content = new StringContent(plan, Encoding.UTF8, "application/json"))
        using (var stored = await admin.PostAsync("/api/plans", content))
        {
            Assert.True(stored.StatusCode == HttpStatusCode.Created, $"plan: {stored.StatusCode} {await stored.Content.ReadAsStringAsync()}");
        }

        var created = await ApiCalls.PostAsync(admin, "/api/rollouts", new { service, baselineVersion = "1.0", candidateVersion = "1.1", planId, reason = "e2e set-up" });
        var id = created.GetProperty("id").GetGuid();
        await ApiCalls.PostAsync(admin, $"/api/rollouts/{id}/start", new { reason = "go" });
        if (requestSignOff)
        {
            await ApiCalls.PostAsync(admin, $"/api/rollouts/{id}/request-sign-off", new { reason = "canary looks fine; leads, please sign" });
        }

        return id;
    }
}
