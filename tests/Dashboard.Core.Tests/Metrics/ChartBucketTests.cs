using Dashboard.Core.Metrics;

namespace Dashboard.Core.Tests.Metrics;

public sealed class ChartBucketTests
{
    [Theory]
    [InlineData(36 * 3600, 300, 1, 432)] // 7 min 12 s
    [InlineData(3600, 1000, 1, 4)] // 3.6 s rounds up
    [InlineData(60, 1000, 1, 1)] // never below one second
    [InlineData(36 * 3600, 300, 5, 435)] // 432 s rounds up to a multiple of the 5 s points
    [InlineData(15 * 60, 300, 5, 5)] // 3 s: never below one point interval
    [InlineData(3600, 300, 5, 15)] // 12 s would hold 2 or 3 points
    [InlineData(36 * 3600, 1000, 5, 130)] // 129.6 s rounds up
    public void Width_IsRangeOverPointsRoundedUpToWholePointIntervals(int rangeSeconds, int maxPoints, int pointSeconds, int expectedSeconds) =>
        Assert.Equal(
            TimeSpan.FromSeconds(expectedSeconds),
            ChartBucket.Width(TimeSpan.FromSeconds(rangeSeconds), maxPoints, TimeSpan.FromSeconds(pointSeconds)));

    [Theory]
    [InlineData(ChartRange.Last15Minutes, 7)]
    [InlineData(ChartRange.LastHour, 300)]
    [InlineData(ChartRange.Last6Hours, 301)]
    [InlineData(ChartRange.Last36Hours, 999)]
    public void Width_NeverYieldsMoreBucketsThanMaxPoints(ChartRange range, int maxPoints)
    {
        var width = ChartBucket.Width(range.Duration(), maxPoints, TimeSpan.FromSeconds(5));

        Assert.True(Math.Ceiling(range.Duration() / width) <= maxPoints);
    }

    [Fact]
    public void Width_NoPoints_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ChartBucket.Width(TimeSpan.FromHours(1), 0, TimeSpan.FromSeconds(5)));
}
