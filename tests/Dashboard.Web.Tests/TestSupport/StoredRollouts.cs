using Dashboard.Core.Rollouts;
using Dashboard.Infrastructure.Persistence;

namespace Dashboard.Web.Tests.TestSupport;

/// <summary>Rollouts put into a real state store the way the app would have saved them.</summary>
internal static class StoredRollouts
{
    /// <summary>Stores a rollout of the three-phase plan, started by alice at 1 % at <see cref="RolloutViews.T0"/>.</summary>
    public static async Task<Rollout> StartAsync(RolloutStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var creation = Rollout.Create(Guid.NewGuid(), "learning-api", "v2.9.4", "v3.0.0", RolloutViews.Plan, "alice", "sprint 2 release", RolloutViews.T0);
        Assert.True(creation.Succeeded, creation.Rejection?.Message);
        await store.CreateAsync(creation.Rollout, creation.Events);
        var rollout = creation.Rollout;
        var loaded = rollout.Version;
        var started = rollout.Start("alice", "go", RolloutViews.T0);
        Assert.True(started.Succeeded, started.Rejection?.Message);
        await store.SaveAsync(rollout, loaded, started.Events, TrafficChangeSource.Ui);
        return rollout;
    }
}
