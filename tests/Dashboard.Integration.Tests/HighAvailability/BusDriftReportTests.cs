using Dashboard.Core.Routing;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.Integration.Tests.TrafficDrift;
using Dashboard.TestSupport;
using Dashboard.Web.Features.TrafficDrift;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Integration.Tests.HighAvailability;

/// <summary>
/// Only the lease holder checks the router for drift; its report reaches the other instances' banners over the bus
/// (docs/high-availability.md#bus), on a real redis-server.
/// </summary>
[Collection(InfluxPostgresRedisCollection.Name)]
public sealed class BusDriftReportTests(InfluxServerFixture influx, RedisServerFixture redis)
{
    [Fact]
    public async Task DriftCheckedOnTheLeaseHolder_IsShownOnTheOtherInstance_AndAnOlderRepeatNeverReplacesANewerReport()
    {
        await using var a = await BusNode.StartAsync(redis.Server.Configuration, influx.Url, "unused", holdsLease: true);
        await using var b = await BusNode.StartAsync(redis.Server.Configuration, influx.Url, "unused", holdsLease: false);
        await using var store = await TestStateStore.CreateAsync();
        var (rollout, _) = await StoredRollouts.StartedAsync(store);
        var router = new SettableRouter { Weights = TrafficWeights.ForCanaryPercent(7) };
        var holder = new TrafficDriftMonitor(store.Get<RolloutStore>(), router, DriftRecorders.For(store), TimeProvider.System, NullLogger<TrafficDriftMonitor>.Instance, a.InstanceBus);
        var follower = new TrafficDriftMonitor(store.Get<RolloutStore>(), router, DriftRecorders.For(store), TimeProvider.System, NullLogger<TrafficDriftMonitor>.Instance, b.InstanceBus);
        var toldOnB = new List<TrafficDriftKind>();
        follower.Changed += report => { lock (toldOnB) { toldOnB.Add(report.Kind); } };

        var checkedOnA = await holder.CheckAsync();
        var shownOnB = await Eventually.UntilAsync(() => Task.FromResult(follower.Current), report => report.Kind != TrafficDriftKind.NotChecked, TimeSpan.FromSeconds(30), "B to show A's report");
        var stale = checkedOnA with { Kind = TrafficDriftKind.InSync, CheckedAt = checkedOnA.CheckedAt!.Value.AddMinutes(-1) };
        a.InstanceBus.Publish(TrafficDriftMonitor.BusChannel, "report", stale);
        var newer = await holder.CheckAsync();
        await Eventually.UntilAsync(() => Task.FromResult(follower.Current), report => report.CheckedAt == newer.CheckedAt, TimeSpan.FromSeconds(30), "B to show A's newer report");

        Assert.Equal(TrafficDriftKind.Drifted, checkedOnA.Kind);
        Assert.Equal((checkedOnA.Kind, checkedOnA.CheckedAt, checkedOnA.RecordedPercent, 7.0, rollout.Id), (shownOnB.Kind, shownOnB.CheckedAt, shownOnB.RecordedPercent, shownOnB.Observed!.CanaryPercent, shownOnB.Rollout!.Id));
        Assert.True(shownOnB.CanReconcile);
        lock (toldOnB)
        {
            Assert.DoesNotContain(TrafficDriftKind.InSync, toldOnB);
        }
    }
}
