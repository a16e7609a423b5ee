using Dashboard.Web.Features.LiveMetrics;

namespace Dashboard.Web.Tests.LiveMetrics;

public sealed class StalenessRuleTests
{
    private static readonly DateTimeOffset Newest = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1, 11)]
    [InlineData(5, 15)]
    public void MaxAge_IsPointIntervalPlusOnePollPlusGrace(int pollSeconds, int maxSeconds) =>
        Assert.Equal(TimeSpan.FromSeconds(maxSeconds), Rule(pollSeconds).MaxAge);

    [Theory]
    [InlineData(1, 3)]
    [InlineData(1, 5)]
    [InlineData(1, 11)]
    [InlineData(5, 10)]
    [InlineData(5, 15)]
    public void Judge_NewestPointWithinTheLimit_IsFresh(int pollSeconds, int ageSeconds) =>
        Assert.Null(Rule(pollSeconds).Judge(Newest, Newest.AddSeconds(ageSeconds)));

    [Theory]
    [InlineData(1, 12)]
    [InlineData(5, 16)]
    public void Judge_NewestPointPastTheLimit_IsStaleSayingHowLong(int pollSeconds, int ageSeconds) =>
        Assert.Equal($"No new data for {ageSeconds} s", Rule(pollSeconds).Judge(Newest, Newest.AddSeconds(ageSeconds)));

    [Fact]
    public void Judge_FasterPolling_NeverMakesTheSamePointStale()
    {
        // A point 9 s old: within one 5 s point interval, one poll and the grace, however often we poll.
        var now = Newest.AddSeconds(9);

        Assert.Equal((null, null), (Rule(1).Judge(Newest, now), Rule(5).Judge(Newest, now)));
    }

    private static StalenessRule Rule(int pollSeconds) =>
        new(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(pollSeconds), TimeSpan.FromSeconds(5));
}
