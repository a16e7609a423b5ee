using Dashboard.Core.Incidents;
using Dashboard.Infrastructure.Persistence;
using Dashboard.TestSupport;
using Dashboard.Web.Shared.Charts;
using Dashboard.Web.Tests.TestSupport;

namespace Dashboard.Web.Tests.Rollouts;

public sealed class RolloutChartAnnotationsTests
{
    [Fact]
    public async Task Read_PersistedRolloutEventsAndIncidents_BecomeOneAnnotationEachOfTheirKind()
    {
        await using var host = await AppTestHost.CreateAsync();
        var store = host.Get<RolloutStore>();
        var (rollout, start) = await StoredRollouts.StartedAsync(store, AppTestHost.T0);
        await host.Get<TrafficChangeLog>().RecordOutcomeAsync(start.Confirm(1, AppTestHost.T0));
        host.Clock.Advance(TimeSpan.FromMinutes(5));
        var raise = Assert.Single(await StoredRollouts.SaveAsync(store, rollout, r => r.ChangeTraffic(5, "alice", "looks good", host.Clock.GetUtcNow())));
        await host.Get<TrafficChangeLog>().RecordOutcomeAsync(raise.Confirm(5, host.Clock.GetUtcNow()));
        host.Clock.Advance(TimeSpan.FromMinutes(5));
        await StoredRollouts.SaveAsync(store, rollout, r => r.Hold("erin", "p99 creeping", host.Clock.GetUtcNow()));
        host.Clock.Advance(TimeSpan.FromMinutes(5));
        await host.Get<IncidentStore>().OpenAsync(rollout.Id, 0, IncidentSeverity.Critical, "Checkout 5xx", "spike", "dave", false, "dave");
        host.Clock.Advance(TimeSpan.FromMinutes(5));
        await StoredRollouts.SaveAsync(store, rollout, r => r.RollBack("erin", "5xx on checkout", host.Clock.GetUtcNow()));

        var annotations = await host.Get<IChartAnnotationSource>().ReadAsync(AppTestHost.T0, host.Clock.GetUtcNow(), rollout.Id);

        Assert.Equal(
            [
                (ChartAnnotationKind.PhaseChange, "canary"),
                (ChartAnnotationKind.TrafficChange, "1 %"),
                (ChartAnnotationKind.TrafficChange, "5 %"),
                (ChartAnnotationKind.Hold, "hold"),
                (ChartAnnotationKind.Incident, "incident (critical)"),
                (ChartAnnotationKind.Rollback, "rollback"),
            ],
            annotations.Select(a => (a.Kind, a.Label)));
        Assert.Equal("learning-api v3.0.0: phase canary held by erin: p99 creeping", annotations[3].Detail);
        Assert.Equal("learning-api v3.0.0: traffic 1 → 5 % by alice: looks good", annotations[2].Detail);
        Assert.Empty(await host.Get<IChartAnnotationSource>().ReadAsync(AppTestHost.T0.AddHours(1), AppTestHost.T0.AddHours(2), rolloutId: null));
    }
}
