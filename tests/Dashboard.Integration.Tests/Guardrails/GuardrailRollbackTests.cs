using System.Text.Json;
using Dashboard.Integration.Tests.TestSupport;

namespace Dashboard.Integration.Tests.Guardrails;

/// <summary>
/// The guardrails in the real app (child process) against the demo's data in a real influxd, with
/// the built-in router moving the demo's split.
/// </summary>
[Collection(InfluxCollection.Name)]
public sealed class GuardrailRollbackTests(InfluxServerFixture influx)
{
    [Fact]
    public async Task ErrorSpike_ProvenBySequentialTest_RollsBackAndTheRouterReadsZero()
    {
        await using var app = await GuardrailApp.StartAsync(influx);
        var id = await GuardrailApp.StartRolloutAsync(app);
        await GuardrailApp.WaitUntilJudgedAsync(app, id);

        await app.PostAsync("/api/demo/faults", new { kind = "errorSpike", magnitude = 3, durationSeconds = 300 });
        var rollout = await app.WaitForStateAsync(id, "RolledBack");
        var changes = await GuardrailApp.WaitForAsync(app, "the rollback's traffic change settled", async () =>
        {
            var all = await app.GetAsync($"/api/rollouts/{id}/traffic");
            return all.EnumerateArray().Last().GetProperty("status").GetString() == "Requested" ? null : all;
        });
        var events = (await app.GetAsync($"/api/rollouts/{id}/events")).EnumerateArray().ToList();
        var drift = await app.PostAsync("/api/routing/drift/check", new { });

        var last = changes.EnumerateArray().Last();
        Assert.Equal(("Applied", 0, 0), (last.GetProperty("status").GetString(), last.GetProperty("toPercent").GetInt32(), last.GetProperty("readBackPercent").GetInt32()));
        Assert.Equal("automation (guardrails)", last.GetProperty("requestedBy").GetString());
        Assert.Equal(0.0, drift.Body.GetProperty("observed").GetProperty("canaryPercent").GetDouble());
        Assert.Equal("RolledBack", rollout.GetProperty("status").GetString());

        // The phase's health-check cadence and the guardrails' near-miss records (a blind period, an alert) may land
        // between the rollback's events on a slow machine: they are not part of this sequence.
        events = [.. events.Where(e => e.GetProperty("kind").GetString() is { } kind
            && !kind.StartsWith("healthCheck.", StringComparison.Ordinal) && !kind.StartsWith("guardrail.", StringComparison.Ordinal))];
        var kinds = events.Select(e => e.GetProperty("kind").GetString()).ToList();
        var rolledBack = kinds.IndexOf("rollout.rolledBack");
        Assert.True(rolledBack >= 0, string.Join(", ", kinds));
        Assert.Equal(["rollout.rolledBack", "traffic.changeRequested", "traffic.changeApplied"], kinds.Skip(rolledBack).Take(3));
        var reason = events[rolledBack].GetProperty("payload").GetProperty("reason").GetString();
        Assert.Equal("automation (guardrails)", events[rolledBack].GetProperty("actor").GetString());
        Assert.Contains("Error rate > 1.5 %", reason, StringComparison.Ordinal);
        Assert.Contains("proven by the sequential test", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CleanCandidate_OverMoreThanTheRequiredPolls_IsNotRolledBack()
    {
        await using var app = await GuardrailApp.StartAsync(influx);
        var id = await GuardrailApp.StartRolloutAsync(app);
        var first = await GuardrailApp.WaitUntilJudgedAsync(app, id);
        var firstPoll = (await app.GetAsync("/api/guardrails/status")).GetProperty("lastPollAt").GetDateTimeOffset();

        // Twice the required streak of polls, every one of them judged on data.
        var judged = 0;
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        DateTimeOffset seen = firstPoll;
        while (judged < 6 && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(300);
            var status = await app.GetAsync("/api/guardrails/status");
            var at = status.GetProperty("lastPollAt").GetDateTimeOffset();
            if (at > seen && status.GetProperty("blindReason").ValueKind == JsonValueKind.Null)
            {
                seen = at;
                judged++;
            }
        }

        var rollout = await app.GetAsync($"/api/rollouts/{id}");
        var kinds = (await app.GetAsync($"/api/rollouts/{id}/events")).EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        var openApi = await app.GetAsync("/openapi/v1.json");

        Assert.Equal(6, judged);
        Assert.True(openApi.GetProperty("paths").TryGetProperty("/api/guardrails/status", out _), "GET /api/guardrails/status is in the OpenAPI document");
        Assert.Equal("Running", rollout.GetProperty("currentState").GetString());
        Assert.Equal(1, rollout.GetProperty("requestedWeightPercent").GetInt32());
        Assert.DoesNotContain("rollout.rolledBack", kinds);
        Assert.All(first.GetProperty("rules").EnumerateArray(), r => Assert.Equal(0, r.GetProperty("streak").GetInt32()));
    }
}
