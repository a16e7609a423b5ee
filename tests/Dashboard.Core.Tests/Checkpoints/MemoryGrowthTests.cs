using Dashboard.Core.Checkpoints;

namespace Dashboard.Core.Tests.Checkpoints;

public sealed class MemoryGrowthTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void MbPerHour_StraightLine_IsItsSlope()
    {
        var samples = Enumerable.Range(0, 10).Select(minute => (Start.AddMinutes(minute), 500.0 + (2 * minute)));

        Assert.Equal(120, MemoryGrowth.MbPerHour(samples)!.Value, 9);
    }

    [Fact]
    public void MbPerHour_OneDipAtTheEnd_IsTheLeastSquaresSlopeNotLastMinusFirst()
    {
        // 100, 110, 120, 90 MB at hours 0..3: least squares gives −2 MB/h; last − first would say −3.33.
        (DateTimeOffset, double)[] samples = [(Start, 100), (Start.AddHours(1), 110), (Start.AddHours(2), 120), (Start.AddHours(3), 90)];

        Assert.Equal(-2, MemoryGrowth.MbPerHour(samples)!.Value, 9);
    }

    [Fact]
    public void MbPerHour_FewerThanTwoTimes_IsNull()
    {
        Assert.Null(MemoryGrowth.MbPerHour([(Start, 100), (Start, 200)]));
        Assert.Null(MemoryGrowth.MbPerHour([]));
    }
}
