using Dashboard.Web.Features.LiveMetrics;
using Dashboard.Web.Features.LiveMetrics.Components;
using Dashboard.Web.Shared.Components;
using Dashboard.Web.Tests.TestSupport;

namespace Dashboard.Web.Tests.LiveMetrics;

public sealed class DataFreshnessTests
{
    private static readonly StalenessRule Rule = LiveDashboardTestHost.Staleness;
    private static readonly DateTimeOffset Now = LiveDashboardTestHost.Start;

    [Fact]
    public void Evaluate_BeforeFirstPoll_IsNeitherStaleNorAged()
    {
        var freshness = DataFreshness.Evaluate(LiveDashboardState.Initial, Now, Rule);

        Assert.Equal((false, false, null), (freshness.IsStale, freshness.HasData, freshness.AgeText));
    }

    [Fact]
    public void Evaluate_PollerReportsFailure_IsStaleWithItsReason()
    {
        var freshness = DataFreshness.Evaluate(States.Stale("InfluxDB unreachable: timeout", TimeSpan.FromSeconds(1)), Now, Rule);

        Assert.Equal((true, "InfluxDB unreachable: timeout", "1 s"), (freshness.IsStale, freshness.Reason, freshness.AgeText));
    }

    [Theory]
    [InlineData(15, false)]
    [InlineData(16, true)]
    public void Evaluate_AgeAgainstTheStalenessLimit_DecidesStaleness(int ageSeconds, bool stale)
    {
        var freshness = DataFreshness.Evaluate(States.Fresh(age: TimeSpan.FromSeconds(ageSeconds)), Now, Rule);

        Assert.Equal(stale, freshness.IsStale);
        Assert.Equal(stale ? $"No new data for {ageSeconds} s" : null, freshness.Reason);
    }

    [Fact]
    public void Evaluate_NewestPointOlderThanThePoll_AgeAndStalenessFollowThePoint()
    {
        // Polled 1 s ago, but the newest point it saw is 20 s old: the values are 20 s old, and overdue.
        var state = States.Fresh(States.Snapshot() with { NewestPointAt = Now.AddSeconds(-20) }, age: TimeSpan.FromSeconds(1));

        var freshness = DataFreshness.Evaluate(state, Now, Rule);

        Assert.Equal((true, "No new data for 20 s", "20 s"), (freshness.IsStale, freshness.Reason, freshness.AgeText));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    public void Evaluate_PointsEveryFiveSecondsSeenByEveryPoll_NeverStaleBetweenPolls(int pollSeconds)
    {
        // Points every 5 s that land 1 s after their time; each poll publishes the newest point it saw and
        // the page judges it again just before the next poll. At 1 s polls the old rule (twice the poll
        // interval) put the banner up about 3 s of every 5.
        var rule = new StalenessRule(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(pollSeconds), TimeSpan.FromSeconds(5));
        var stale = new List<int>();
        for (var poll = 0; poll <= 60; poll += pollSeconds)
        {
            var polledAt = Now.AddSeconds(poll);
            var newestLanded = (int)Math.Floor((poll - 1) / 5.0) * 5;
            var state = States.Fresh(States.Snapshot() with { NewestPointAt = Now.AddSeconds(newestLanded) }) with { LastSuccessAt = polledAt };

            var justBeforeNextPoll = DataFreshness.Evaluate(state, polledAt.AddSeconds(pollSeconds).AddMilliseconds(-100), rule);

            if (justBeforeNextPoll.IsStale)
            {
                stale.Add(poll);
            }
        }

        Assert.Empty(stale);
    }

    [Theory]
    [InlineData(0, "0 s")]
    [InlineData(59, "59 s")]
    [InlineData(185, "3 min 5 s")]
    [InlineData(7440, "2 h 4 min")]
    [InlineData(-3, "0 s")]
    public void AgeText_Format_IsShortAndHuman(int seconds, string text) =>
        Assert.Equal(text, AgeText.Format(TimeSpan.FromSeconds(seconds)));
}
