using Dashboard.Core.Monitoring;

namespace Dashboard.Core.Tests.Monitoring;

public sealed class IntensivePeriodTests
{
    private static readonly DateTimeOffset Started = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Hours36 = TimeSpan.FromHours(36);

    [Fact]
    public void Covers_Within36HoursOfTheStart_IsTrue_AndEndsAt36Hours()
    {
        var period = new IntensivePeriod(Hours36);

        Assert.True(period.Covers(Started, Started));
        Assert.True(period.Covers(Started, Started + Hours36 - TimeSpan.FromSeconds(1)));
        Assert.False(period.Covers(Started, Started + Hours36));
    }

    [Fact]
    public void Covers_NotStarted_IsFalse()
    {
        Assert.False(new IntensivePeriod(Hours36).Covers(null, Started));
    }

    [Fact]
    public void Covers_WithATimeScale_ShrinksLikeThePlan()
    {
        var period = new IntensivePeriod(Hours36, TimeScale: 60);

        Assert.Equal(TimeSpan.FromMinutes(36), period.RealDuration);
        Assert.True(period.Covers(Started, Started.AddMinutes(35)));
        Assert.False(period.Covers(Started, Started.AddMinutes(36)));
    }
}
