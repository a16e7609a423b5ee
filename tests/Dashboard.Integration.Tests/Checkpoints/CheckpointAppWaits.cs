using System.Text.Json;
using Dashboard.TestSupport;

namespace Dashboard.Integration.Tests.Checkpoints;

/// <summary>Bounded waits of the tests that run checkpoints in the real app (one instance or a cluster).</summary>
public static class CheckpointAppWaits
{
    /// <summary>The rollout's persisted verdicts once there are at least <paramref name="count"/>.</summary>
    public static async Task<List<JsonElement>> WaitForVerdictsAsync(RolloutApiApp app, Guid id, int count, TimeSpan within)
    {
        ArgumentNullException.ThrowIfNull(app);
        var verdicts = await app.WaitForAsync(() => app.GetAsync($"/api/rollouts/{id}/checkpoints"), v => v.GetArrayLength() >= count, $"{count} verdicts", within);
        return [.. verdicts.EnumerateArray()];
    }

    /// <summary>
    /// Waits for a job the scheduler ran after <paramref name="after"/>: the rollout's intensive health check, every
    /// 5 s. "Exactly once" needs such an event after the catch-up, not a pause.
    /// </summary>
    public static Task<JsonElement> WaitForJobRunAfterAsync(RolloutApiApp app, Guid id, DateTimeOffset after)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.WaitForAsync(
            () => app.GetAsync($"/api/rollouts/{id}/health-checks?cadence=Intensive"),
            checks => checks.EnumerateArray().Any(check => check.GetProperty("ranAt").GetDateTimeOffset() > after),
            $"an intensive health check run after {after:O}",
            TimeSpan.FromSeconds(30));
    }
}
