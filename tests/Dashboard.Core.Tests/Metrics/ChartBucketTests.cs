using Dashboard.Core.Metrics;

namespace Dashboard.Core.Tests.Metrics;

public sealed class ChartBucketTests
{
    [Theory]
    [InlineData(36 * 3600, 300, 432)] // 7 min 12 s
    [InlineData(15 * 60, 300, 3)]
    [InlineData(3600, 1000, 4)] // 3.6 s rounds up
    [InlineData(36 * 3600, 1000, 130)] // 129.6 s rounds up
    [InlineData(60, 1000, 1)] // never below one second
    public void Width_IsRangeOverPointsRoundedUpToWholeSeconds(int rangeSeconds, int maxPoints, int expectedSeconds) =>
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), ChartBucket.Width(TimeSpan.FromSeconds(rangeSeconds), maxPoints));

    [Theory]
    [InlineData(ChartRange.Last15Minutes, 7)]
    [InlineData(ChartRange.LastHour, 300)]
    [InlineData(ChartRange.Last6Hours, 301)]
    [InlineData(ChartRange.Last36Hours, 999)]
    public void Width_NeverYieldsMoreBucketsThanMaxPoints(ChartRange range, int maxPoints)
    {
        var width = ChartBucket.Width(range.Duration(), maxPoints);

        Assert.True(Math.Ceiling(range.Duration() / width) <= maxPoints);
    }

    [Fact]
    public void Width_NoPoints_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ChartBucket.Width(TimeSpan.FromHours(1), 0));
}
