using Dashboard.Web.Features.LiveMetrics;
using Dashboard.Web.Features.LiveMetrics.Components;
using Dashboard.Web.Shared.Components;
using Dashboard.Web.Tests.TestSupport;

namespace Dashboard.Web.Tests.LiveMetrics;

public sealed class DataFreshnessTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
    private static readonly DateTimeOffset Now = LiveDashboardTestHost.Start;

    [Fact]
    public void Evaluate_BeforeFirstPoll_IsNeitherStaleNorAged()
    {
        var freshness = DataFreshness.Evaluate(LiveDashboardState.Initial, Now, Interval);

        Assert.Equal((false, false, null), (freshness.IsStale, freshness.HasData, freshness.AgeText));
    }

    [Fact]
    public void Evaluate_PollerReportsFailure_IsStaleWithItsReason()
    {
        var freshness = DataFreshness.Evaluate(States.Stale("InfluxDB unreachable: timeout", TimeSpan.FromSeconds(1)), Now, Interval);

        Assert.Equal((true, "InfluxDB unreachable: timeout", "1 s"), (freshness.IsStale, freshness.Reason, freshness.AgeText));
    }

    [Theory]
    [InlineData(10, false)]
    [InlineData(11, true)]
    public void Evaluate_AgeAgainstTwoPollIntervals_DecidesStaleness(int ageSeconds, bool stale)
    {
        var freshness = DataFreshness.Evaluate(States.Fresh(age: TimeSpan.FromSeconds(ageSeconds)), Now, Interval);

        Assert.Equal(stale, freshness.IsStale);
        Assert.Equal(stale ? $"No new data for {ageSeconds} s" : null, freshness.Reason);
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
