using System.Text.Json;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.TestSupport;

namespace Dashboard.Integration.Tests.Guardrails;

/// <summary>
/// A contingency whose condition held long enough acts — through a real HAProxy — or says exactly why it
/// cannot (docs/guardrails.md, "What happens"); and at 100 % a comparison with the baseline is not applicable,
/// never a blind alarm.
/// </summary>
[Collection(InfluxCollection.Name)]
public sealed class GuardrailContingencyTests(InfluxServerFixture influx)
{
    // The example plan's canary (plans/example-fast-canary.json): 5 %, "error rate > 0.8 % → reduce traffic to 1 %";
    // the rollback trigger is out of reach (60 %, and the app tolerates a canary up to 11 × the baseline) so only the contingency can act.
    private const string Plan = """
        {
          "id": "contingency-test",
          "name": "Contingency test",
          "phases": [
            {
              "name": "canary", "trafficPercent": 5, "duration": "1h", "checkpoints": ["1h"],
              "criteria": [ { "metric": "errorRatePct", "comparator": "<", "threshold": 5, "warnMargin": 1 } ],
              "autoRollbackTriggers": [ { "metric": "errorRatePct", "comparator": ">", "threshold": 60 } ],
              "contingencyRules": [
                { "when": [ { "metric": "errorRatePct", "comparator": ">", "threshold": 0.8 } ], "action": "reduceTraffic", "trafficPercent": 1 }
              ],
              "gate": { "type": "signOff", "roles": ["engineeringLead"] }
            },
            {
              "name": "full", "trafficPercent": 100, "duration": "1h", "checkpoints": ["1h"],
              "criteria": [ { "metric": "errorRatePct", "comparator": "<", "threshold": 5, "warnMargin": 1 } ],
              "autoRollbackTriggers": [
                { "metric": "errorRatePct", "comparator": ">", "threshold": 60 },
                { "metric": "revenueImpactPct", "comparator": "<", "threshold": -5 }
              ],
              "gate": { "type": "autoAdvance" }
            }
          ]
        }
        """;

    [Fact]
    public async Task ReduceTo1Percent_WhileRunning_HaproxyRunsTheCanaryAt1Percent()
    {
        await using var haproxy = await StartHaproxyAsync();
        await using var app = await StartAppAsync(haproxy.Haproxy);
        var id = await StartRolloutAsync(app);

        await app.PostAsync("/api/demo/faults", new { kind = "errorSpike", magnitude = 2, durationSeconds = 300 });
        var rollout = await app.WaitForRolloutAsync(id, r => r.GetProperty("requestedWeightPercent").GetInt32() == 1, "the contingency's reduction", TimeSpan.FromSeconds(60));
        var last = (await GuardrailApp.WaitForAsync(app, "the reduction applied", async () =>
        {
            var change = (await app.GetAsync($"/api/rollouts/{id}/traffic")).EnumerateArray().Last();
            return change.GetProperty("status").GetString() == "Requested" ? null : change;
        }));
        var weight = await haproxy.Haproxy.SendCommandAsync($"get weight {HaproxyServer.Backend}/{HaproxyServer.CanaryServer}");

        Assert.Equal("Running", rollout.GetProperty("currentState").GetString());
        Assert.Equal(("Applied", 1, "automation (guardrails)"), (last.GetProperty("status").GetString(), last.GetProperty("toPercent").GetInt32(), last.GetProperty("requestedBy").GetString()));
        Assert.StartsWith("1 ", weight, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReduceTo1Percent_WhileAwaitingSignOff_SaysWhyAndHaproxyStaysAt5Percent()
    {
        await using var haproxy = await StartHaproxyAsync();
        await using var app = await StartAppAsync(haproxy.Haproxy);
        var id = await StartRolloutAsync(app);
        var (asked, body) = await app.PostAsync($"/api/rollouts/{id}/request-sign-off", new { reason = "window over" });
        Assert.True(asked == System.Net.HttpStatusCode.OK, body.ToString());

        await app.PostAsync("/api/demo/faults", new { kind = "errorSpike", magnitude = 2, durationSeconds = 300 });
        var rule = await GuardrailApp.WaitForAsync(app, "the contingency blocked", async () =>
        {
            var found = (await app.GetAsync("/api/guardrails/status")).GetProperty("rollouts").EnumerateArray()
                .Where(r => r.GetProperty("rolloutId").GetGuid() == id)
                .SelectMany(r => r.GetProperty("rules").EnumerateArray())
                .FirstOrDefault(r => r.GetProperty("ruleId").GetString() == "contingency:0");
            return found.ValueKind == JsonValueKind.Object && found.GetProperty("blocked").ValueKind == JsonValueKind.String ? found : null;
        });
        var rollout = await app.GetAsync($"/api/rollouts/{id}");
        var weight = await haproxy.Haproxy.SendCommandAsync($"get weight {HaproxyServer.Backend}/{HaproxyServer.CanaryServer}");

        Assert.Equal(
            "cannot reduce traffic to 1 %: the phase awaits sign-off, and traffic changes only while a phase runs; the canary stays at 5 % — hold or roll back by hand",
            rule.GetProperty("blocked").GetString());
        Assert.True(rule.GetProperty("streak").GetInt32() >= rule.GetProperty("required").GetInt32(), rule.ToString());
        Assert.Equal(("AwaitingSignOff", 5), (rollout.GetProperty("currentState").GetString(), rollout.GetProperty("requestedWeightPercent").GetInt32()));
        Assert.StartsWith("5 ", weight, StringComparison.Ordinal);

        // Audited once per streak, so the handoff review shows that the guardrails wanted to act and could not.
        var events = await GuardrailApp.WaitForAsync(app, "the block audited", async () =>
        {
            var all = await app.GetAsync($"/api/rollouts/{id}/events");
            return all.EnumerateArray().Any(e => e.GetProperty("kind").GetString() == "guardrail.blocked") ? all : null;
        });
        var blocked = events.EnumerateArray().Where(e => e.GetProperty("kind").GetString() == "guardrail.blocked").ToList();
        var payloads = blocked.Select(e => e.GetProperty("payload")).ToList();
        Assert.Equal(payloads.Count, payloads.Select(p => p.GetProperty("since").GetString()).Distinct().Count());
        Assert.Equal(rule.GetProperty("blocked").GetString(), payloads[0].GetProperty("reason").GetString());
        var at = blocked[0].GetProperty("at").GetDateTimeOffset();
        var timeline = (await app.GetAsync($"/api/timeline?from={UrlTime.Stamp(at.AddMinutes(-1))}&to={UrlTime.Stamp(at.AddMinutes(1))}&rolloutId={id}&kind=GuardrailAction")).EnumerateArray();
        Assert.Contains(timeline, entry => entry.GetProperty("text").GetString()!.Contains("could not act: cannot reduce traffic to 1 %", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FullTraffic_RevenueImpactTrigger_IsNotApplicableAndNotBlind()
    {
        await using var app = await GuardrailApp.StartAsync(influx, new Dictionary<string, string> { ["Guardrails__MinCanaryRequests"] = "0" });
        await app.CreatePlanAsync(Plan);
        var id = await app.CreateRolloutAsync("contingency-test");
        await app.PostAsync($"/api/rollouts/{id}/start", new { reason = "go" });
        var (advanced, body) = await app.PostAsync($"/api/rollouts/{id}/advance", new { reason = "straight to everyone" });
        Assert.True(advanced == System.Net.HttpStatusCode.OK, body.ToString());

        var judged = await GuardrailApp.WaitForAsync(app, "the 100 % phase judged", async () =>
        {
            var entry = (await app.GetAsync("/api/guardrails/status")).GetProperty("rollouts").EnumerateArray()
                .FirstOrDefault(r => r.GetProperty("rolloutId").GetGuid() == id && r.GetProperty("phase").GetString() == "full");
            return entry.ValueKind == JsonValueKind.Object
                && entry.GetProperty("rules").EnumerateArray().Any(r => r.GetProperty("ruleId").GetString() == "trigger:0" && r.GetProperty("reading").GetString() == "Clean")
                ? entry
                : null;
        });

        var revenue = judged.GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == "trigger:1");
        Assert.Equal("NotApplicable", revenue.GetProperty("reading").GetString());
        Assert.Equal(JsonValueKind.Null, judged.GetProperty("blindSince").ValueKind);
        Assert.Empty(judged.GetProperty("blindMetrics").EnumerateArray());
    }

    private static async Task<HaproxyRig> StartHaproxyAsync()
    {
        var baseline = TinyHttpBackend.Start(HaproxyServer.BaselineServer);
        var canary = TinyHttpBackend.Start(HaproxyServer.CanaryServer);
        return new HaproxyRig(baseline, canary, await HaproxyServer.StartAsync(baseline.Port, canary.Port));
    }

    private Task<RolloutApiApp> StartAppAsync(HaproxyServer haproxy) => GuardrailApp.StartAsync(influx, new Dictionary<string, string>
    {
        ["Routing__Kind"] = "Haproxy",
        ["Routing__Haproxy__RuntimeApi"] = haproxy.UnixRuntimeApi,
        ["Routing__Haproxy__Timeout"] = "00:00:02",
        // The spike (+2 points on 0.3 %) must not read as a regression against the baseline, which would roll back
        // before the contingency could act: the comparison tolerates up to 11 × the baseline's rate here.
        ["Guardrails__Tolerance"] = "10",
        ["Guardrails__DetectableRatio"] = "20",
    });

    private static async Task<Guid> StartRolloutAsync(RolloutApiApp app)
    {
        await app.CreatePlanAsync(Plan);
        var id = await app.CreateRolloutAsync("contingency-test");
        var (status, body) = await app.PostAsync($"/api/rollouts/{id}/start", new { reason = "go" });
        Assert.True(status == System.Net.HttpStatusCode.OK, body.ToString());
        await GuardrailApp.WaitUntilJudgedAsync(app, id);
        return id;
    }

    private sealed record HaproxyRig(TinyHttpBackend Baseline, TinyHttpBackend Canary, HaproxyServer Haproxy) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Haproxy.DisposeAsync();
            await Canary.DisposeAsync();
            await Baseline.DisposeAsync();
        }
    }
}
