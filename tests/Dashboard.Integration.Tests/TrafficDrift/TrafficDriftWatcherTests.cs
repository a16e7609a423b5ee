using Dashboard.Core.Routing;
using Dashboard.Infrastructure.Persistence;
using Dashboard.TestSupport;
using Dashboard.Web.Features.Leadership;
using Dashboard.Web.Features.Rollouts;
using Dashboard.Web.Features.TrafficDrift;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static Dashboard.TestSupport.StoredRollouts;

namespace Dashboard.Integration.Tests.TrafficDrift;

/// <summary>
/// The background watcher on real time, with the periodic check a day away, so every check seen here
/// comes from start-up, a start-up retry, or a rollout change.
/// </summary>
public sealed class TrafficDriftWatcherTests
{
    [Fact]
    public async Task Start_ChecksInTheBackground_AndRetriesWhileTheRouterCannotBeRead()
    {
        await using var store = await TestStateStore.CreateAsync();
        await StartedAsync(store);
        var router = new SettableRouter { Weights = new TrafficWeights(1, 99), Failure = new TrafficRouterException("connection refused") };
        var (monitor, _, watcher) = Create(store, router);

        await watcher.StartAsync(CancellationToken.None);
        try
        {
            Assert.Equal(TrafficDriftKind.RouterUnreadable, (await NextReportAsync(monitor, TrafficDriftKind.NotChecked)).Kind);
            router.Failure = null;

            Assert.Equal(TrafficDriftKind.InSync, (await NextReportAsync(monitor, TrafficDriftKind.RouterUnreadable)).Kind);
        }
        finally
        {
            await watcher.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task RolloutChange_TriggersACheckOnceTheChangesGoQuiet()
    {
        await using var store = await TestStateStore.CreateAsync();
        var (rollout, _) = await StartedAsync(store);
        var router = new SettableRouter { Weights = new TrafficWeights(1, 99) };
        var (monitor, feed, watcher) = Create(store, router);

        await watcher.StartAsync(CancellationToken.None);
        try
        {
            Assert.Equal(TrafficDriftKind.InSync, (await NextReportAsync(monitor, TrafficDriftKind.NotChecked)).Kind);
            router.Weights = new TrafficWeights(50, 50);
            feed.Publish(rollout.Id);

            Assert.Equal(TrafficDriftKind.Drifted, (await NextReportAsync(monitor, TrafficDriftKind.InSync)).Kind);
        }
        finally
        {
            await watcher.StopAsync(CancellationToken.None);
        }
    }

    private static (TrafficDriftMonitor Monitor, RolloutChangeFeed Feed, TrafficDriftWatcher Watcher) Create(TestStateStore store, SettableRouter router)
    {
        var feed = new RolloutChangeFeed(TimeProvider.System, NullLogger<RolloutChangeFeed>.Instance);
        var monitor = new TrafficDriftMonitor(store.Get<RolloutStore>(), router, DriftRecorders.For(store, feed), TimeProvider.System, NullLogger<TrafficDriftMonitor>.Instance);
        var options = Options.Create(new TrafficDriftOptions { DriftCheckInterval = TimeSpan.FromDays(1) });
        return (monitor, feed, new TrafficDriftWatcher(monitor, feed, new SingleInstanceLease(), options, TimeProvider.System, NullLogger<TrafficDriftWatcher>.Instance));
    }

    /// <summary>Waits for the monitor to report something other than <paramref name="kind"/>.</summary>
    private static async Task<TrafficDriftReport> NextReportAsync(TrafficDriftMonitor monitor, TrafficDriftKind kind)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (monitor.Current.Kind == kind)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), timeout.Token);
        }

        return monitor.Current;
    }
}
