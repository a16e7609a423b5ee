using Dashboard.Infrastructure.Persistence;
using Dashboard.TestSupport;
using Dashboard.Web.Tests.TestSupport;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Tests.BoardHistory;

/// <summary>/?at= and /warroom?at=: the board as it was, said so, read once, never live and with no action (docs/board-history.md).</summary>
public sealed class PastBoardPageTests
{
    private const string HalfPast = "2026-11-23T12:30:00Z";

    // The canary starts at T0 (12:00) and the router confirms its 1 % a minute later; the clock then moves on to 13:00.
    private static async Task<PastBoardTestHost> HostWithCanaryStartedAtT0Async()
    {
        var host = await PastBoardTestHost.CreateAsync();
        var (_, change) = await StoredRollouts.StartedAsync(host.App.Get<RolloutStore>(), AppTestHost.T0);
        host.App.Clock.Advance(TimeSpan.FromMinutes(1));
        await host.App.Get<TrafficChangeLog>().RecordOutcomeAsync(change.Confirm(1, host.App.Clock.GetUtcNow()));
        host.App.Clock.Advance(TimeSpan.FromMinutes(59));
        return host;
    }

    [Fact]
    public async Task PastWarRoom_SaysAsOfTNotLive_ShowsTheRolloutThen_AndOffersNoAction()
    {
        await using var host = await HostWithCanaryStartedAtT0Async();

        var page = host.Navigate($"/warroom?at={HalfPast}");

        page.WaitForAssertion(() => Assert.Equal("canary (running)", page.Find("[data-testid=rollout-state-at-phase]").TextContent));
        Assert.Equal("As of Nov 23 12:30:00 UTC — not live", page.Find("[data-testid=as-of]").TextContent);
        Assert.Equal(("1 %", "1 %"), (page.Find("[data-testid=rollout-state-at-requested]").TextContent, page.Find("[data-testid=rollout-state-at-applied]").TextContent));
        Assert.Equal("0.30", page.Find("[data-testid=tile-errorRatePct-canary]").TextContent);
        Assert.Equal(["as-of-show"], page.FindAll("button").Select(button => button.GetAttribute("data-testid")));
        Assert.Equal("http://localhost/warroom", page.Find("[data-testid=back-to-live]").GetAttribute("href"));
    }

    [Fact]
    public async Task PastWarRoom_AtTheVeryMomentTheRolloutStarted_ShowsItRunning()
    {
        await using var host = await HostWithCanaryStartedAtT0Async();

        var page = host.Navigate("/warroom?at=2026-11-23T12:00:00Z");

        // An event stamped exactly at T belongs to the board at T.
        page.WaitForAssertion(() => Assert.Equal("canary (running)", page.Find("[data-testid=rollout-state-at-phase]").TextContent));
    }

    [Fact]
    public async Task PastDashboard_LiveFeedChanges_LeaveItAsItWas_AndItIsReadOnce()
    {
        await using var host = await HostWithCanaryStartedAtT0Async();
        var page = host.Navigate($"/?at={HalfPast}");
        page.WaitForAssertion(() => Assert.Equal("0.30", page.Find("[data-testid=tile-errorRatePct-canary]").TextContent));
        var renders = page.RenderCount;

        host.Feed.Publish(States.Fresh(States.Snapshot(canary: States.HealthyCanary with { ErrorRatePct = 5 })));

        Assert.Equal(0, host.Feed.SubscriberCount);
        Assert.Equal(renders, page.RenderCount);
        Assert.Equal("0.30", page.Find("[data-testid=tile-errorRatePct-canary]").TextContent);
        Assert.Equal((1, 0), (host.Reader.SnapshotReads, host.Reader.LiveReads));
    }

    [Fact]
    public async Task PastDashboard_MomentInTheFuture_SaysWhyAndReadsNothing()
    {
        await using var host = await HostWithCanaryStartedAtT0Async();

        var page = host.Navigate("/?at=2027-01-01T00:00:00Z");

        page.WaitForAssertion(() => Assert.Contains("is in the future", page.Find("[data-testid=field-problem]").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("[data-testid=tile-errorRatePct]"));
        Assert.Equal(0, host.Reader.SnapshotReads);
    }

    [Fact]
    public async Task AsOfPicker_AnotherMoment_OpensTheBoardAtThatMoment()
    {
        await using var host = await HostWithCanaryStartedAtT0Async();
        var page = host.Navigate($"/?at={HalfPast}");
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=rollout-state-at-phase]")));

        page.Find("[data-testid=as-of-input]").Change("2026-11-23T11:50");
        page.Find("[data-testid=as-of-picker]").Submit();

        Assert.EndsWith("?at=2026-11-23T11%3A50%3A00Z", host.App.Get<NavigationManager>().Uri, StringComparison.Ordinal);
        page.WaitForAssertion(() => Assert.Equal("As of Nov 23 11:50:00 UTC — not live", page.Find("[data-testid=as-of]").TextContent));
        // Ten minutes before the canary started: nothing was running, and the board says so.
        Assert.NotNull(page.Find("[data-testid=rollout-state-at-none]"));
        Assert.Equal(2, host.Reader.SnapshotReads);
    }

    [Fact]
    public async Task PastDashboard_ReadsTheFirstChartRangeWithTheBoard_AndAnotherOnlyWhenPicked()
    {
        await using var host = await HostWithCanaryStartedAtT0Async();
        var page = host.Navigate($"/?at={HalfPast}");
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=rollout-state-at-phase]")));
        Assert.Equal(1, host.Reader.ChartReads);

        page.Find("[data-testid=chart-range-Last6Hours]").Click();

        page.WaitForAssertion(() => Assert.Equal(2, host.Reader.ChartReads));
        Assert.Equal(0, host.Reader.LiveReads);
    }
}
