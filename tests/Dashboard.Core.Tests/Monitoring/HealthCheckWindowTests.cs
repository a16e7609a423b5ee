using Dashboard.Core.Monitoring;

namespace Dashboard.Core.Tests.Monitoring;

public sealed class HealthCheckWindowTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 16, 0, 2, TimeSpan.Zero);
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public void For_Intensive_IsTheLastIntensiveWindow()
    {
        var window = HealthCheckWindow.For(MonitoringCadence.Intensive, Now, Now, null, Minute);

        Assert.Equal((Now - Minute, Now), (window.Start, window.End));
    }

    [Fact]
    public void For_CloseAfterAnEarlierCheck_StartsWhereThatCheckEnded()
    {
        var previousEnd = new DateTimeOffset(2026, 12, 1, 8, 0, 1, TimeSpan.Zero);

        var window = HealthCheckWindow.For(MonitoringCadence.Close, Now.AddSeconds(-2), Now, previousEnd, Minute);

        Assert.Equal((previousEnd, Now), (window.Start, window.End));
    }

    [Fact]
    public void For_CloseWithoutAnEarlierCheck_StartsAtThePreviousSlot()
    {
        var window = HealthCheckWindow.For(MonitoringCadence.Close, new DateTimeOffset(2026, 12, 1, 16, 0, 0, TimeSpan.Zero), Now, null, Minute);

        Assert.Equal(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero), window.Start);
    }

    [Fact]
    public void For_DailyAfterDaysOfDowntime_IsCappedAt24Hours()
    {
        var window = HealthCheckWindow.For(MonitoringCadence.Daily, Now, Now, Now.AddDays(-5), Minute);

        Assert.Equal(TimeSpan.FromHours(24), window.Length);
    }

    [Fact]
    public void For_CloseRunTwiceInARow_StillCoversAMinute()
    {
        var window = HealthCheckWindow.For(MonitoringCadence.Close, Now, Now, Now.AddSeconds(-1), Minute);

        Assert.Equal(HealthCheckWindow.Minimum, window.Length);
    }

    [Fact]
    public void For_Weekly_IsSevenDays()
    {
        var window = HealthCheckWindow.For(MonitoringCadence.Weekly, Now, Now, Now.AddHours(-1), Minute);

        Assert.Equal(TimeSpan.FromDays(7), window.Length);
    }
}
