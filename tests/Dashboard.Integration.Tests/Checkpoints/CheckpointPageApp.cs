using System.Text.Json;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.TestSupport;

namespace Dashboard.Integration.Tests.Checkpoints;

/// <summary>
/// The real app on the demo's data at <c>Rollout:TimeScale=60</c>, with a rollout of the built-in
/// three-phase plan started: its first checkpoint (canary, 15 min planned = 15 s) is persisted as
/// NO_DATA or FAIL — nothing answers the critical-incidents criterion yet — and holds the phase.
/// </summary>
internal static class CheckpointPageApp
{
    /// <summary>The first checkpoint of the canary phase, as routes name it.</summary>
    public const string FirstCheckpoint = "checkpoints/0/900";

    public static async Task<RolloutApiApp> StartAsync(InfluxServerFixture influx, IReadOnlyDictionary<string, string>? extra = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["Influx__Database"] = await influx.CreateDatabaseAsync("checkpointpage"),
            ["Demo__Enabled"] = "true",
            ["Demo__Interval"] = "00:00:01",
            ["Demo__BackfillHours"] = "0.05",
            ["Rollout__TimeScale"] = "60",
            ["Rollout__CheckpointSettleDelay"] = "00:00:01",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        return await RolloutApiApp.StartAsync(influx.Url, extra: settings);
    }

    /// <summary>Creates and starts a rollout, then waits (bounded) until its first verdict is persisted.</summary>
    public static async Task<(Guid Id, JsonElement Verdict)> StartRolloutWithFirstVerdictAsync(RolloutApiApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var id = await app.CreateRolloutAsync();
        await app.PostAsync($"/api/rollouts/{id}/start", new { reason = "go" });
        var verdicts = await app.WaitForAsync(() => app.GetAsync($"/api/rollouts/{id}/checkpoints"), v => v.GetArrayLength() > 0, "the first checkpoint verdict", TimeSpan.FromSeconds(90));
        return (id, verdicts[0]);
    }

    public static List<string?> EventKinds(JsonElement events) =>
        [.. events.EnumerateArray().Select(e => e.GetProperty("kind").GetString())];
}
