using Dashboard.Core.Rollouts;
using Dashboard.Core.Routing;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Infrastructure.Persistence.Audit;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.TestSupport;
using Dashboard.Web.Features.Leadership;
using Dashboard.Web.Features.Rollouts;
using Dashboard.Web.Features.TrafficDrift;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
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

    [Fact]
    public async Task ChangeLeftRequested_IsHandedToTheRouterAndSettled_BeforeTheCheckComparesThem()
    {
        await using var store = await TestStateStore.CreateAsync();
        // Saved long ago and never settled: the instance that saved it died before it called the router.
        var (rollout, change) = await StartedAsync(store);
        var router = new SettableRouter { Weights = new TrafficWeights(0, 100) };
        var (monitor, _, watcher) = Create(store, router);

        await watcher.StartAsync(CancellationToken.None);
        try
        {
            var report = await NextReportAsync(monitor, TrafficDriftKind.NotChecked);
            var settled = Assert.Single(await store.Get<TrafficChangeLog>().ListAsync(rollout.Id));
            var audited = (await store.Get<AuditLog>().ReadAsync(rollout.Id)).Count(e => e.Kind == "traffic.changeApplied");

            Assert.Equal(TrafficDriftKind.InSync, report.Kind);
            Assert.Equal([1], router.Applied);
            Assert.Equal((change.Id, TrafficChangeStatus.Applied, 1), (settled.Id, settled.Status, settled.ReadBackPercent));
            Assert.Equal(1, audited);
        }
        finally
        {
            await watcher.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task ChangeRequestedMomentsAgo_IsLeftToItsInstance_UntilTheGraceHasPassed()
    {
        var clock = new FakeTimeProvider(StoredRollouts.T0.AddMinutes(1).AddSeconds(1));
        await using var store = await TestStateStore.CreateAsync(clock);
        var (rollout, _) = await StartedAsync(store);
        var router = new SettableRouter { Weights = new TrafficWeights(0, 100) };
        var (monitor, _, watcher) = Create(store, router, clock, TimeSpan.FromSeconds(30));

        await watcher.StartAsync(CancellationToken.None);
        try
        {
            // A second after the request: it may still be in flight on a live instance, so only the drift is reported.
            var first = await NextReportAsync(monitor, TrafficDriftKind.NotChecked);
            var stillRequested = Assert.Single(await store.Get<TrafficChangeLog>().ListAsync(rollout.Id)).Status;
            clock.Advance(TimeSpan.FromSeconds(29));
            var second = await NextReportAsync(monitor, TrafficDriftKind.Drifted);

            Assert.Equal(TrafficDriftKind.Drifted, first.Kind);
            Assert.Equal(TrafficChangeStatus.Requested, stillRequested);
            Assert.Equal(TrafficDriftKind.InSync, second.Kind);
            Assert.Equal([1], router.Applied);
        }
        finally
        {
            await watcher.StopAsync(CancellationToken.None);
        }
    }

    private static (TrafficDriftMonitor Monitor, RolloutChangeFeed Feed, TrafficDriftWatcher Watcher) Create(
        TestStateStore store, SettableRouter router, TimeProvider? clock = null, TimeSpan? unsettledChangeGrace = null)
    {
        var time = clock ?? TimeProvider.System;
        var services = RolloutServices.Build(store, router, time);
        var feed = services.GetRequiredService<RolloutChangeFeed>();
        var monitor = new TrafficDriftMonitor(store.Get<RolloutStore>(), router, DriftRecorders.For(store, feed), time, NullLogger<TrafficDriftMonitor>.Instance);
        var options = Options.Create(new TrafficDriftOptions
        {
            DriftCheckInterval = TimeSpan.FromDays(1),
            UnsettledChangeGrace = unsettledChangeGrace ?? new TrafficDriftOptions().UnsettledChangeGrace,
        });
        var watcher = new TrafficDriftWatcher(
            monitor, services.GetRequiredService<RolloutService>(), feed, new SingleInstanceLease(), options, time, NullLogger<TrafficDriftWatcher>.Instance);
        return (monitor, feed, watcher);
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
