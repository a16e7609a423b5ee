using System.Text.Json;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.TestSupport;

namespace Dashboard.Integration.Tests.Guardrails;

/// <summary>
/// The real app with the demo writing a busy canary (200 requests/s at 1 %) every second into a
/// fresh database, guardrails polling every second over a 10 s window, and waits bounded in time.
/// </summary>
internal static class GuardrailApp
{
    public static async Task<RolloutApiApp> StartAsync(InfluxServerFixture influx, IReadOnlyDictionary<string, string>? extra = null)
    {
        var settings = new Dictionary<string, string>(GuardrailTestSettings.FastOnTheDemo)
        {
            ["Influx__Database"] = await influx.CreateDatabaseAsync("guardrails"),
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        return await RolloutApiApp.StartAsync(influx.Url, extra: settings);
    }

    /// <summary>Creates and starts a rollout along the built-in three-phase plan (canary 1 %).</summary>
    public static async Task<Guid> StartRolloutAsync(RolloutApiApp app)
    {
        var id = await app.CreateRolloutAsync();
        var (status, body) = await app.PostAsync($"/api/rollouts/{id}/start", new { reason = "go" });
        Assert.True(status == System.Net.HttpStatusCode.OK, $"{status}: {body}\n{app.Output}");
        return id;
    }

    /// <summary>
    /// The rollout's entry in the guardrail status once every trigger is judged on the phase's own data: the poll is not
    /// blind, each value trigger reads Clean and each count-ratio trigger has canary counts and reads Clean or, while its
    /// test gathers evidence, not enough evidence yet. With <paramref name="provenHealthy"/> every trigger must read Clean:
    /// the sequential test must have proven health, which takes the demo's 18 probes/s up to about a minute for
    /// availability, so that wait is bounded at 3 minutes.
    /// </summary>
    public static async Task<JsonElement> WaitUntilJudgedAsync(RolloutApiApp app, Guid id, bool provenHealthy = false)
    {
        JsonElement last = default;
        var found = await Eventually.UntilAsync(
            async () =>
            {
                var status = await app.GetAsync("/api/guardrails/status");
                var rollout = status.GetProperty("rollouts").EnumerateArray().FirstOrDefault(r => r.GetProperty("rolloutId").GetGuid() == id);
                last = status;
                return rollout.ValueKind == JsonValueKind.Object && status.GetProperty("blindReason").ValueKind == JsonValueKind.Null
                    && rollout.GetProperty("rules").EnumerateArray().Where(r => r.GetProperty("kind").GetString() == "RollbackTrigger").All(r => IsJudged(r, provenHealthy))
                    ? rollout
                    : (JsonElement?)null;
            },
            value => value is not null,
            provenHealthy ? TimeSpan.FromMinutes(3) : TimeSpan.FromSeconds(60),
            provenHealthy ? "every trigger proven healthy" : "every trigger judged on the phase's data",
            _ => $"the last status: {last}\nApp output:\n{app.Output}");
        return found!.Value;
    }

    private static bool IsJudged(JsonElement rule, bool provenHealthy)
    {
        var reading = rule.GetProperty("reading").GetString();
        if (reading == "Clean")
        {
            return true;
        }

        return !provenHealthy && reading == "NotEnoughEvidence" && rule.GetProperty("evidence") is { ValueKind: JsonValueKind.Array } evidence
            && evidence.EnumerateArray().All(e => e.GetProperty("canaryTrials").GetInt64() > 0);
    }

    /// <summary>What <paramref name="probe"/> finds (null: not yet), within 60 s; a timeout shows the guardrail status and the app's output.</summary>
    public static async Task<JsonElement> WaitForAsync(RolloutApiApp app, string what, Func<Task<JsonElement?>> probe)
    {
        ArgumentNullException.ThrowIfNull(app);
        var found = await Eventually.UntilAsync(probe, value => value is not null, TimeSpan.FromSeconds(60), what, _ => $"nothing. App output:\n{app.Output}");
        return found!.Value;
    }
}
