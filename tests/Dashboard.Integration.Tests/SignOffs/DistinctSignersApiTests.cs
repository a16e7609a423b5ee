using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dashboard.Integration.Tests.Access;
using Dashboard.Integration.Tests.TestSupport;

namespace Dashboard.Integration.Tests.SignOffs;

/// <summary>
/// A gate's <c>distinctSigners</c> through the real app (docs/sign-offs.md): by default one person signs one role per
/// gate, so one person holding several lead roles cannot open it alone; a plan may allow it.
/// </summary>
[Collection(InfluxCollection.Name)]
public sealed class DistinctSignersApiTests(AccessTestApp access) : IClassFixture<AccessTestApp>
{
    [Fact]
    public async Task SamePersonForASecondRole_Is403SayingWhy_AuditedAndNotRecorded_WhileAnotherLeadMaySign()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var rollout = await access.StartedRolloutAsync();
        var gatePath = $"/api/rollouts/{rollout}/phases/0";
        using var twoHats = await access.PersonAsync($"two-hats-{suffix}", "EngineeringLead", "OperationsLead");
        using var operations = await access.PersonAsync($"ops-{suffix}", "OperationsLead");

        using var first = await twoHats.PostAsJsonAsync($"{gatePath}/sign-offs", new { role = "EngineeringLead", decision = "GO", comment = "error rate flat" });
        using var second = await twoHats.PostAsJsonAsync($"{gatePath}/sign-offs", new { role = "OperationsLead", decision = "GO", comment = "and on-call ready" });
        var problem = await second.Content.ReadFromJsonAsync<JsonElement>();
        var gate = await access.App.GetAsync($"{gatePath}/gate");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, second.StatusCode);
        var why = $"two-hats-{suffix} already signed this gate as engineering lead: one person signs one role per gate, so the operations lead must be someone else.";
        Assert.Equal(why, problem.GetProperty("detail").GetString());
        Assert.Contains(
            await access.AuditAsync("access.refused"),
            e => e.Actor == $"two-hats-{suffix}" && e.Payload.GetProperty("operation").GetString() == "SignOff:OperationsLead" && e.Payload.GetProperty("reason").GetString() == why);
        Assert.Equal(["EngineeringLead"], gate.GetProperty("signOffs").EnumerateArray().Select(s => s.GetProperty("role").GetString()));

        using var other = await operations.PostAsJsonAsync($"{gatePath}/sign-offs", new { role = "OperationsLead", decision = "GO", comment = "on-call ready" });
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
    }

    [Fact]
    public async Task PlanWithDistinctSignersFalse_LetsOnePersonSignEveryRoleTheyHold_AndOpenTheGate()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var planId = $"one-signer-{suffix}";
        using (var content = new StringContent(OneSignerPlan(planId), Encoding.UTF8, "application/json"))
        using (var stored = await access.Admin.PostAsync("/api/plans", content))
        {
            Assert.True(stored.StatusCode == HttpStatusCode.Created, $"plan: {stored.StatusCode} {await stored.Content.ReadAsStringAsync()}");
        }

        var rollout = await access.App.CreateRolloutAsync(planId);
        await access.App.PostAsync($"/api/rollouts/{rollout}/start", new { reason = "go" });
        var gatePath = $"/api/rollouts/{rollout}/phases/0";
        using var twoHats = await access.PersonAsync($"both-{suffix}", "EngineeringLead", "OperationsLead");

        using var first = await twoHats.PostAsJsonAsync($"{gatePath}/sign-offs", new { role = "EngineeringLead", decision = "GO", comment = "error rate flat" });
        using var second = await twoHats.PostAsJsonAsync($"{gatePath}/sign-offs", new { role = "OperationsLead", decision = "GO", comment = "on-call ready" });
        var gate = await access.App.GetAsync($"{gatePath}/gate");

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.StatusCode, second.StatusCode));
        Assert.True(gate.GetProperty("isOpen").GetBoolean(), gate.GetProperty("summary").GetString());
    }

    private static string OneSignerPlan(string planId) => $$"""
        {
          "id": "{{planId}}", "name": "One signer ({{planId}})", "description": "a small team: one lead may sign both roles",
          "phases": [
            { "name": "canary", "trafficPercent": 5, "expectedPopulation": "5 %", "duration": "6h", "checkpoints": ["6h"],
              "criteria": [ { "metric": "errorRatePct", "comparator": "<", "threshold": 5, "warnMargin": 1 } ],
              "autoRollbackTriggers": [], "contingencyRules": [],
              "gate": { "type": "signOff", "roles": ["engineeringLead", "operationsLead"], "distinctSigners": false } },
            { "name": "full", "trafficPercent": 100, "expectedPopulation": "everyone", "duration": "6h", "checkpoints": ["6h"],
              "criteria": [ { "metric": "errorRatePct", "comparator": "<", "threshold": 5, "warnMargin": 1 } ],
              "autoRollbackTriggers": [], "contingencyRules": [],
              "gate": { "type": "autoAdvance" } }
          ]
        }
        """;
}
