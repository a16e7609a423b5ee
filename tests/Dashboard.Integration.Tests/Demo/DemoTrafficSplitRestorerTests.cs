using Dashboard.Core.Routing;
using Dashboard.Infrastructure.Persistence;
using Dashboard.TestSupport;
using Dashboard.Web.Features.Demo;
using Dashboard.Web.Features.TrafficDrift;
using Microsoft.Extensions.Logging.Abstractions;
using static Dashboard.TestSupport.StoredRollouts;

namespace Dashboard.Integration.Tests.Demo;

/// <summary>The built-in router's split at start-up, on a real SQLite state store: the weight of record, else the configured one.</summary>
public sealed class DemoTrafficSplitRestorerTests
{
    private const double Configured = 1;

    [Fact]
    public async Task Start_RolloutRecordedAtTenPercent_RouterReportsTenPercentAndNoDrift()
    {
        await using var store = await TestStateStore.CreateAsync();
        var (rollout, _) = await StartedAsync(store);
        await SaveAsync(store, rollout, r => r.ChangeTraffic(10, "alice", "ramp", T0.AddMinutes(5)));
        var (split, router) = await RestartAsync(store);

        var weights = await router.ReadAsync();
        var drift = await new TrafficDriftMonitor(store.Get<RolloutStore>(), router, TrafficDrift.DriftRecorders.For(store), store.Clock, NullLogger<TrafficDriftMonitor>.Instance).CheckAsync();

        Assert.Equal(10, split.CanaryWeightPercent);
        Assert.True(weights.IsExactly(10), weights.ToString());
        Assert.Equal((TrafficDriftKind.InSync, 10), (drift.Kind, drift.RecordedPercent));
    }

    [Fact]
    public async Task Start_RolledBackRollout_RouterStartsAtZero()
    {
        await using var store = await TestStateStore.CreateAsync();
        var (rollout, _) = await StartedAsync(store);
        await SaveAsync(store, rollout, r => r.RollBack("alice", "errors", T0.AddMinutes(5)));

        var (split, _) = await RestartAsync(store);

        Assert.Equal(0, split.CanaryWeightPercent);
    }

    [Fact]
    public async Task Start_NoRolloutEverStarted_KeepsTheConfiguredWeight()
    {
        await using var store = await TestStateStore.CreateAsync();
        await CreateAsync(store);

        var (split, _) = await RestartAsync(store);

        Assert.Equal(Configured, split.CanaryWeightPercent);
    }

    /// <summary>A new "process" on the same file: a split at the configured weight, restored as the app's start-up does.</summary>
    private static async Task<(DemoTrafficSplit Split, ITrafficRouter Router)> RestartAsync(TestStateStore store)
    {
        await store.RestartAsync();
        var split = new DemoTrafficSplit(Configured);
        await new DemoTrafficSplitRestorer(store.Get<RolloutStore>(), split, NullLogger<DemoTrafficSplitRestorer>.Instance).StartingAsync(CancellationToken.None);
        return (split, new DemoTrafficRouter(split));
    }
}
