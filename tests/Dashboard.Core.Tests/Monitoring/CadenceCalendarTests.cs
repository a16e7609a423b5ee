using Dashboard.Core.Monitoring;

namespace Dashboard.Core.Tests.Monitoring;

public sealed class CadenceCalendarTests
{
    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0, int year = 2026) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(7, 59, 8)]
    [InlineData(8, 0, 16)]
    [InlineData(12, 30, 16)]
    public void NextDueAfter_Close_IsTheNextOf0800And1600(int hour, int minute, int expectedHour)
    {
        Assert.Equal(Utc(12, 1, expectedHour), CadenceCalendar.NextDueAfter(MonitoringCadence.Close, Utc(12, 1, hour, minute)));
    }

    [Fact]
    public void NextDueAfter_CloseAt1600_IsTomorrowAt0800()
    {
        Assert.Equal(Utc(12, 2, 8), CadenceCalendar.NextDueAfter(MonitoringCadence.Close, Utc(12, 1, 16)));
    }

    [Fact]
    public void NextDueAfter_DailyPast0900_IsTomorrowAt0900()
    {
        Assert.Equal(Utc(12, 1, 9), CadenceCalendar.NextDueAfter(MonitoringCadence.Daily, Utc(12, 1, 8, 59)));
        Assert.Equal(Utc(12, 2, 9), CadenceCalendar.NextDueAfter(MonitoringCadence.Daily, Utc(12, 1, 9)));
    }

    [Theory]
    [InlineData(12, 1, 12, 4)]  // Tuesday → this Friday
    [InlineData(12, 4, 12, 11)] // Friday 10:00 itself → next Friday
    [InlineData(12, 5, 12, 11)] // Saturday → across the week boundary
    public void NextDueAfter_Weekly_IsFriday1000(int month, int day, int expectedMonth, int expectedDay)
    {
        var next = CadenceCalendar.NextDueAfter(MonitoringCadence.Weekly, Utc(month, day, 10));

        Assert.Equal(Utc(expectedMonth, expectedDay, 10), next);
        Assert.Equal(DayOfWeek.Friday, next.DayOfWeek);
    }

    [Fact]
    public void NextDueAfter_WeeklyAcrossTheYearEnd_IsNewYearsDay2027()
    {
        Assert.Equal(Utc(1, 1, 10, year: 2027), CadenceCalendar.NextDueAfter(MonitoringCadence.Weekly, Utc(12, 25, 10, 1)));
    }

    [Fact]
    public void NextDueAfter_LocalTimeAcrossADaylightSavingChange_StaysAtTheSameUtcHour()
    {
        // 29 March 2026 is when central Europe moves to summer time; UTC does not move.
        var beforeInBerlin = new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.FromHours(1));
        var afterInBerlin = new DateTimeOffset(2026, 3, 29, 10, 30, 0, TimeSpan.FromHours(2));

        Assert.Equal(Utc(3, 29, 8), CadenceCalendar.NextDueAfter(MonitoringCadence.Close, beforeInBerlin));
        Assert.Equal(Utc(3, 29, 9), CadenceCalendar.NextDueAfter(MonitoringCadence.Daily, beforeInBerlin));
        Assert.Equal(Utc(3, 29, 16), CadenceCalendar.NextDueAfter(MonitoringCadence.Close, afterInBerlin));
        Assert.Equal(TimeSpan.Zero, CadenceCalendar.NextDueAfter(MonitoringCadence.Close, afterInBerlin).Offset);
    }

    [Fact]
    public void LatestDueAtOrBefore_IsTheSlotALateCheckBelongsTo()
    {
        Assert.Equal(Utc(12, 1, 16), CadenceCalendar.LatestDueAtOrBefore(MonitoringCadence.Close, Utc(12, 1, 19, 45)));
        Assert.Equal(Utc(11, 30, 16), CadenceCalendar.LatestDueAtOrBefore(MonitoringCadence.Close, Utc(12, 1, 7, 59)));
        Assert.Equal(Utc(12, 1, 8), CadenceCalendar.LatestDueAtOrBefore(MonitoringCadence.Close, Utc(12, 1, 8)));
        Assert.Equal(Utc(11, 27, 10), CadenceCalendar.LatestDueAtOrBefore(MonitoringCadence.Weekly, Utc(12, 4, 9, 59)));
    }

    [Fact]
    public void CronExpression_IsQuartzSyntaxForEachCalendarCadence()
    {
        Assert.Equal("0 0 8,16 * * ?", CadenceCalendar.CronExpression(MonitoringCadence.Close));
        Assert.Equal("0 0 9 * * ?", CadenceCalendar.CronExpression(MonitoringCadence.Daily));
        Assert.Equal("0 0 10 ? * FRI", CadenceCalendar.CronExpression(MonitoringCadence.Weekly));
    }

    [Fact]
    public void Describe_SaysTheTimesInUtc()
    {
        Assert.Equal("08:00 and 16:00 UTC", CadenceCalendar.Describe(MonitoringCadence.Close));
        Assert.Equal("Friday 10:00 UTC", CadenceCalendar.Describe(MonitoringCadence.Weekly));
    }

    [Fact]
    public void Times_OfTheIntensiveCadence_DoNotExist()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CadenceCalendar.Times(MonitoringCadence.Intensive));
    }
}
