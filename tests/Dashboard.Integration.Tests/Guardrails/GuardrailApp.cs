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
        var settings = new Dictionary<string, string>
        {
            ["Influx__Database"] = await influx.CreateDatabaseAsync("guardrails"),
            ["Demo__Enabled"] = "true",
            ["Demo__Interval"] = "00:00:01",
            ["Demo__TotalRps"] = "20000",
            ["Demo__BackfillHours"] = "0",
            ["Demo__Seed"] = "7",
            ["Guardrails__PollInterval"] = "00:00:01",
            ["Guardrails__Window"] = "00:00:10",
            ["Guardrails__ConsecutiveBreaches"] = "3",
            ["Guardrails__RouterRetryBaseDelay"] = "00:00:00.5",
            ["Guardrails__RouterRetryMaxDelay"] = "00:00:02",
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

    /// <summary>The rollout's entry in the guardrail status once every trigger has been judged on data (not blind).</summary>
    public static Task<JsonElement> WaitUntilJudgedAsync(RolloutApiApp app, Guid id) =>
        WaitForAsync(app, "every trigger judged on data", async () =>
        {
            var status = await app.GetAsync("/api/guardrails/status");
            var rollout = status.GetProperty("rollouts").EnumerateArray().FirstOrDefault(r => r.GetProperty("rolloutId").GetGuid() == id);
            return rollout.ValueKind == JsonValueKind.Object
                && rollout.GetProperty("rules").EnumerateArray().Where(r => r.GetProperty("kind").GetString() == "RollbackTrigger").All(r => r.GetProperty("reading").GetString() == "Clean")
                ? rollout
                : (JsonElement?)null;
        });

    /// <summary>What <paramref name="probe"/> finds (null: not yet), within 60 s; a timeout shows the guardrail status and the app's output.</summary>
    public static async Task<JsonElement> WaitForAsync(RolloutApiApp app, string what, Func<Task<JsonElement?>> probe)
    {
        ArgumentNullException.ThrowIfNull(app);
        var found = await Eventually.UntilAsync(probe, value => value is not null, TimeSpan.FromSeconds(60), what, _ => $"nothing. App output:\n{app.Output}");
        return found!.Value;
    }
}
