using Dashboard.Core.Routing;
using Dashboard.Infrastructure.Persistence;
using Dashboard.TestSupport;
using Dashboard.Web.Features.TrafficDrift;
using Microsoft.Extensions.Logging.Abstractions;
using static Dashboard.TestSupport.StoredRollouts;

namespace Dashboard.Integration.Tests.TrafficDrift;

/// <summary>The monitor on a real SQLite state store and a router the test controls.</summary>
public sealed class TrafficDriftMonitorTests
{
    [Fact]
    public async Task Current_BeforeAnyCheck_IsNotChecked()
    {
        await using var store = await TestStateStore.CreateAsync();

        var report = Monitor(store, new SettableRouter()).Current;

        Assert.Equal((TrafficDriftKind.NotChecked, null), (report.Kind, report.CheckedAt));
    }

    [Fact]
    public async Task Check_NoRolloutStarted_ReportsNothingRecordedWithTheRoutersSplit()
    {
        await using var store = await TestStateStore.CreateAsync();
        await CreateAsync(store);
        var monitor = Monitor(store, new SettableRouter { Weights = new TrafficWeights(5, 95) });

        var report = await monitor.CheckAsync();

        Assert.Equal(TrafficDriftKind.NothingRecorded, report.Kind);
        Assert.Equal((new TrafficWeights(5, 95), null, null), (report.Observed, report.RecordedPercent, report.Rollout));
        Assert.False(report.CanReconcile);
        Assert.Same(report, monitor.Current);
    }

    [Fact]
    public async Task Check_RouterOnTheRecordedShare_IsInSync()
    {
        await using var store = await TestStateStore.CreateAsync();
        var (rollout, _) = await StartedAsync(store);

        // 2/198 is 1 %, the weight the three-phase plan's first phase records.
        var report = await Monitor(store, new SettableRouter { Weights = new TrafficWeights(2, 198) }).CheckAsync();

        Assert.Equal((TrafficDriftKind.InSync, 1, rollout.Id), (report.Kind, report.RecordedPercent, report.Rollout?.Id));
        Assert.False(report.CanReconcile);
    }

    [Fact]
    public async Task Check_RouterOffTheRecord_IsDriftedWithBothValues()
    {
        await using var store = await TestStateStore.CreateAsync();
        var (rollout, _) = await StartedAsync(store);
        var router = new SettableRouter { Weights = new TrafficWeights(35, 65) };

        var report = await Monitor(store, router).CheckAsync();

        Assert.Equal(TrafficDriftKind.Drifted, report.Kind);
        Assert.Equal((35.0, 1), (report.Observed?.CanaryPercent, report.RecordedPercent));
        Assert.Equal(new RolloutOfRecord(rollout.Id, "learning-api", "v2.9.4", "v3.0.0", "InProgress"), report.Rollout);
        Assert.Contains("records 1 %", report.Message, StringComparison.Ordinal);
        Assert.True(report.CanReconcile);
        Assert.Empty(router.Applied);
    }

    [Fact]
    public async Task Check_RouterFails_ReportsRouterUnreadableWithItsMessageInsteadOfThrowing()
    {
        await using var store = await TestStateStore.CreateAsync();
        var (rollout, _) = await StartedAsync(store);
        var router = new SettableRouter { Failure = new TrafficRouterException("HAProxy refused", "Permission denied") };

        var report = await Monitor(store, router).CheckAsync();

        Assert.Equal((TrafficDriftKind.RouterUnreadable, null, 1, rollout.Id), (report.Kind, report.Observed, report.RecordedPercent, report.Rollout?.Id));
        Assert.Contains("Permission denied", report.Message, StringComparison.Ordinal);
        Assert.True(report.CanReconcile);
    }

    [Fact]
    public async Task Check_StateStoreWithoutSchema_ReportsStateUnreadableInsteadOfThrowing()
    {
        await using var store = await TestStateStore.CreateAsync(migrate: false);

        var report = await Monitor(store, new SettableRouter()).CheckAsync();

        Assert.Equal((TrafficDriftKind.StateUnreadable, null), (report.Kind, report.Rollout));
    }

    [Fact]
    public async Task Check_SeveralRollouts_ComparesWithTheOneStartedLastWhateverItsStatus()
    {
        await using var store = await TestStateStore.CreateAsync();
        var older = await CreateAsync(store, service: "older");
        var newer = await CreateAsync(store, service: "newer");
        await CreateAsync(store, service: "never-started");
        await SaveAsync(store, newer, r => r.Start("alice", "go", T0.AddMinutes(1)));
        await SaveAsync(store, newer, r => r.RollBack("alice", "bad", T0.AddMinutes(2)));
        await SaveAsync(store, older, r => r.Start("alice", "go", T0.AddMinutes(3)));
        await SaveAsync(store, older, r => r.ChangeTraffic(20, "alice", "more", T0.AddMinutes(4)));

        var report = await Monitor(store, new SettableRouter { Weights = new TrafficWeights(0, 100) }).CheckAsync();

        Assert.Equal(("older", 20, TrafficDriftKind.Drifted), (report.Rollout?.Service, report.RecordedPercent, report.Kind));
    }

    [Fact]
    public async Task Check_RaisesChangedWithTheReport_AndAFailingSubscriberDoesNotFailIt()
    {
        await using var store = await TestStateStore.CreateAsync();
        var monitor = Monitor(store, new SettableRouter());
        var seen = new List<TrafficDriftReport>();
        monitor.Changed += _ => throw new InvalidOperationException("subscriber bug");
        monitor.Changed += seen.Add;

        var report = await monitor.CheckAsync();

        Assert.Same(report, Assert.Single(seen));
    }

    private static TrafficDriftMonitor Monitor(TestStateStore store, SettableRouter router) =>
        new(store.Get<RolloutStore>(), router, DriftRecorders.For(store), store.Clock, NullLogger<TrafficDriftMonitor>.Instance);
}
