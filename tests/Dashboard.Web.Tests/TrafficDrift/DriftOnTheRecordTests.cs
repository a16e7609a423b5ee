using Dashboard.Core.Routing;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Infrastructure.Persistence.Audit;
using Dashboard.Web.Features.Rollouts;
using Dashboard.Web.Features.ShiftReview.Components;
using Dashboard.Web.Features.TrafficDrift;
using Dashboard.Web.Tests.ShiftReview;
using Dashboard.Web.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Web.Tests.TrafficDrift;

/// <summary>A drift's start and end on the audit log (a real SQLite store) and on the shift timeline.</summary>
public sealed class DriftOnTheRecordTests
{
    private static readonly DateTimeOffset T0 = AppTestHost.T0;

    [Fact]
    public async Task Drift_SeenAtEveryCheck_IsRecordedOnce_BeforeTheReportIsTold_AndShownOnTheTimeline()
    {
        await using var host = await ShiftReviewHost.CreateAsync();
        var rollout = await host.StartRolloutAsync();
        host.Router.Weights = new TrafficWeights(35, 65);
        var recordedWhenTold = new List<int>();
        host.Monitor.Changed += _ => recordedWhenTold.Add(DriftEvents(host, rollout.Id, DriftAuditKinds.Started).GetAwaiter().GetResult());

        await host.Monitor.CheckAsync();
        await host.Monitor.CheckAsync();

        Assert.Equal([1, 1], recordedWhenTold);
        var panel = host.Context.Render<ShiftTimelinePanel>(p => p.Add(x => x.From, T0).Add(x => x.To, T0.AddHours(8)));
        var entry = panel.FindAll("[data-testid=timeline-entry]")[0];
        Assert.Equal("RouterAlert", entry.GetAttribute("data-kind"));
        Assert.Contains("Drift: the router ran 35 % canary, not the recorded 1 %", entry.TextContent, StringComparison.Ordinal);
        Assert.Matches($"^/rollouts/{rollout.Id}\\?audit=\\d+#audit-\\d+$", entry.QuerySelector("[data-testid=timeline-open]")!.GetAttribute("href")!);
        Assert.Equal("/?at=2026-11-23T12:00:00Z", entry.QuerySelector("[data-testid=timeline-board]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Drift_AfterARestart_IsNotRecordedAgain_AndEndsOnceWhenTheRouterIsBackByItself()
    {
        await using var host = await ShiftReviewHost.CreateAsync();
        var rollout = await host.StartRolloutAsync();
        host.Router.Weights = new TrafficWeights(35, 65);
        await host.Monitor.CheckAsync();
        host.Clock.Advance(TimeSpan.FromMinutes(4));

        // A new process: a monitor and recorder that know nothing but the log.
        var restarted = Restarted(host);
        await restarted.CheckAsync();
        host.Router.Failure = new TrafficRouterException("HAProxy refused", "connection refused");
        await restarted.CheckAsync();
        host.Router.Failure = null;
        host.Router.Weights = new TrafficWeights(2, 198);
        await restarted.CheckAsync();
        await restarted.CheckAsync();

        Assert.Equal((1, 1), (await DriftEvents(host, rollout.Id, DriftAuditKinds.Started), await DriftEvents(host, rollout.Id, DriftAuditKinds.Ended)));
        var panel = host.Context.Render<ShiftTimelinePanel>(p => p.Add(x => x.From, T0).Add(x => x.To, T0.AddHours(8)));
        Assert.Contains(
            "Drift over after 4 min: the router runs the recorded 1 % again without a reconcile",
            panel.FindAll("[data-testid=timeline-entry]")[0].TextContent,
            StringComparison.Ordinal);
    }

    private static TrafficDriftMonitor Restarted(AppTestHost host) => new(
        host.Get<RolloutStore>(),
        host.Router,
        new TrafficDriftRecorder(host.Get<AuditLog>(), host.Get<AuditWindowQuery>(), host.Get<RolloutChangeFeed>(), host.Clock, NullLogger<TrafficDriftRecorder>.Instance),
        host.Clock,
        NullLogger<TrafficDriftMonitor>.Instance);

    private static async Task<int> DriftEvents(AppTestHost host, Guid rolloutId, string kind) =>
        (await host.Get<AuditLog>().ReadAsync(rolloutId)).Count(e => e.Kind == kind);
}
