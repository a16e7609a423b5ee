using Dashboard.Core.Plans;

namespace Dashboard.Core.Tests.Plans;

public sealed class PlanDurationTests
{
    [Theory]
    [InlineData("15m", 0, 15, 0)]
    [InlineData("90m", 1, 30, 0)]
    [InlineData("1.5h", 1, 30, 0)]
    [InlineData("2h", 2, 0, 0)]
    [InlineData("36h", 36, 0, 0)]
    [InlineData("1h30m", 1, 30, 0)]
    [InlineData("45s", 0, 0, 45)]
    [InlineData(" 2h ", 2, 0, 0)]
    [InlineData("0.25h", 0, 15, 0)]
    public void TryParse_HoursMinutesSeconds_ReadsTheDuration(string text, int hours, int minutes, int seconds)
    {
        Assert.True(PlanDuration.TryParse(text, out var duration));
        Assert.Equal(new TimeSpan(hours, minutes, seconds), duration);
    }

    [Fact]
    public void TryParse_DaysAndWeeks_ReadsTheDuration()
    {
        Assert.True(PlanDuration.TryParse("7d", out var week));
        Assert.True(PlanDuration.TryParse("2w", out var twoWeeks));

        Assert.Equal(TimeSpan.FromDays(7), week);
        Assert.Equal(TimeSpan.FromDays(14), twoWeeks);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("2")]
    [InlineData("h")]
    [InlineData("2x")]
    [InlineData("-2h")]
    [InlineData("2 h")]
    [InlineData("1.h")]
    [InlineData(".5h")]
    [InlineData("1..5h")]
    [InlineData("2hh")]
    [InlineData("2H")]
    [InlineData("1,5h")]
    [InlineData("3651d")]
    [InlineData("PT2H")]
    public void TryParse_NotADuration_Fails(string? text)
    {
        Assert.False(PlanDuration.TryParse(text, out _));
    }

    [Fact]
    public void Parse_NotADuration_ThrowsNamingTheText()
    {
        var error = Assert.Throws<FormatException>(() => PlanDuration.Parse("5 hours"));

        Assert.Contains("'5 hours'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 15, 0, "15m")]
    [InlineData(1, 30, 0, "90m")]
    [InlineData(2, 0, 0, "2h")]
    [InlineData(36, 0, 0, "36h")]
    [InlineData(24, 0, 0, "24h")]
    [InlineData(48, 0, 0, "2d")]
    [InlineData(0, 0, 45, "45s")]
    [InlineData(0, 0, 0, "0s")]
    public void Format_WritesTheLargestExactUnit(int hours, int minutes, int seconds, string expected)
    {
        Assert.Equal(expected, PlanDuration.Format(new TimeSpan(hours, minutes, seconds)));
    }

    [Fact]
    public void Format_SubSecond_WritesDecimalSeconds()
    {
        Assert.Equal("1.25s", PlanDuration.Format(TimeSpan.FromMilliseconds(1250)));
    }

    [Fact]
    public void Format_Negative_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PlanDuration.Format(TimeSpan.FromMinutes(-1)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(1250)]
    [InlineData(60_000)]
    [InlineData(5_400_000)]
    [InlineData(129_600_000)]
    [InlineData(1_209_600_000)]
    [InlineData(3_723_004)]
    public void Format_ThenParse_RoundTrips(long milliseconds)
    {
        var duration = TimeSpan.FromMilliseconds(milliseconds);

        Assert.True(PlanDuration.TryParse(PlanDuration.Format(duration), out var back));
        Assert.Equal(duration, back);
    }
}
