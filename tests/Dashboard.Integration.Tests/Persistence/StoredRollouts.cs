using Dashboard.Core.Plans;
using Dashboard.Core.Rollouts;
using Dashboard.Infrastructure.Persistence;

namespace Dashboard.Integration.Tests.Persistence;

/// <summary>Rollouts of the built-in three-phase plan, created through Core and stored.</summary>
internal static class StoredRollouts
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public static async Task<Rollout> CreateAsync(TestStateStore store, DateTimeOffset? at = null, string service = "learning-api")
    {
        var creation = Rollout.Create(Guid.NewGuid(), service, "v2.9.4", "v3.0.0-sprint-2-complete", BuiltInPlans.ThreePhase, "alice", "sprint 2 release", at ?? T0);
        Assert.True(creation.Succeeded, creation.Rejection?.Message);
        await store.Get<RolloutStore>().CreateAsync(creation.Rollout, creation.Events);
        return creation.Rollout;
    }

    /// <summary>Created, started and saved; returns the rollout and the traffic change the start asked for.</summary>
    public static async Task<(Rollout Rollout, TrafficChange Change)> StartedAsync(TestStateStore store, TrafficChangeSource source = TrafficChangeSource.Ui)
    {
        var rollout = await CreateAsync(store);
        var changes = await SaveAsync(store, rollout, r => r.Start("alice", "go", T0.AddMinutes(1)), source);
        return (rollout, Assert.Single(changes));
    }

    /// <summary>Runs a command that must be accepted and saves it at the version the rollout had before.</summary>
    public static Task<IReadOnlyList<TrafficChange>> SaveAsync(
        TestStateStore store, Rollout rollout, Func<Rollout, RolloutResult> command, TrafficChangeSource source = TrafficChangeSource.Ui)
    {
        var loadedVersion = rollout.Version;
        var result = command(rollout);
        Assert.True(result.Succeeded, result.Rejection?.Message);
        return store.Get<RolloutStore>().SaveAsync(rollout, loadedVersion, result.Events, source);
    }
}
