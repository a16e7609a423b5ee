using Dashboard.Core.Plans;
using Dashboard.Core.Rollouts;
using Dashboard.Infrastructure.Persistence;

namespace Dashboard.TestSupport;

/// <summary>Rollouts of the built-in three-phase plan, created through Core and put into a real state store as the app saves them.</summary>
public static class StoredRollouts
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Created by alice at <paramref name="at"/> (default <see cref="T0"/>), not started.</summary>
    public static async Task<Rollout> CreateAsync(RolloutStore store, DateTimeOffset? at = null, string service = "learning-api")
    {
        ArgumentNullException.ThrowIfNull(store);
        var creation = Rollout.Create(Guid.NewGuid(), service, "v2.9.4", "v3.0.0", BuiltInPlans.ThreePhase, "alice", "sprint 2 release", at ?? T0);
        Assert.True(creation.Succeeded, creation.Rejection?.Message);
        await store.CreateAsync(creation.Rollout, creation.Events);
        return creation.Rollout;
    }

    public static Task<Rollout> CreateAsync(TestStateStore store, DateTimeOffset? at = null, string service = "learning-api")
    {
        ArgumentNullException.ThrowIfNull(store);
        return CreateAsync(store.Get<RolloutStore>(), at, service);
    }

    /// <summary>
    /// Created a minute before <paramref name="startedAt"/> (default <see cref="T0"/> plus a minute), then started by alice
    /// at 1 % and saved; returns the rollout and the traffic change the start asked for.
    /// </summary>
    public static async Task<(Rollout Rollout, TrafficChange Change)> StartedAsync(
        RolloutStore store, DateTimeOffset? startedAt = null, TrafficChangeSource source = TrafficChangeSource.Ui)
    {
        var start = startedAt ?? T0.AddMinutes(1);
        var rollout = await CreateAsync(store, start.AddMinutes(-1));
        var changes = await SaveAsync(store, rollout, r => r.Start("alice", "go", start), source);
        return (rollout, Assert.Single(changes));
    }

    public static Task<(Rollout Rollout, TrafficChange Change)> StartedAsync(TestStateStore store, TrafficChangeSource source = TrafficChangeSource.Ui)
    {
        ArgumentNullException.ThrowIfNull(store);
        return StartedAsync(store.Get<RolloutStore>(), source: source);
    }

    /// <summary>Runs a command that must be accepted and saves it at the version the rollout had before.</summary>
    public static Task<IReadOnlyList<TrafficChange>> SaveAsync(
        RolloutStore store, Rollout rollout, Func<Rollout, RolloutResult> command, TrafficChangeSource source = TrafficChangeSource.Ui)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(rollout);
        ArgumentNullException.ThrowIfNull(command);
        var loadedVersion = rollout.Version;
        var result = command(rollout);
        Assert.True(result.Succeeded, result.Rejection?.Message);
        return store.SaveAsync(rollout, loadedVersion, result.Events, source);
    }

    public static Task<IReadOnlyList<TrafficChange>> SaveAsync(
        TestStateStore store, Rollout rollout, Func<Rollout, RolloutResult> command, TrafficChangeSource source = TrafficChangeSource.Ui)
    {
        ArgumentNullException.ThrowIfNull(store);
        return SaveAsync(store.Get<RolloutStore>(), rollout, command, source);
    }
}
