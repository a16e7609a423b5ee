using System.Globalization;

namespace Dashboard.Core.Monitoring;

/// <summary>
/// When the calendar cadences are due (docs/monitoring.md): close at 08:00 and 16:00 UTC, daily at 09:00 UTC,
/// weekly on Friday at 10:00 UTC. The one source of these times: the Quartz cron triggers are built
/// from <see cref="CronExpression"/>, and the due time a late check reports comes from
/// <see cref="LatestDueAtOrBefore"/>. The intensive cadence has no calendar; see <see cref="IntensivePeriod"/>.
/// </summary>
public static class CadenceCalendar
{
    private static readonly CadenceTime[] CloseTimes = [new(8), new(16)];
    private static readonly CadenceTime[] DailyTimes = [new(9)];
    private static readonly CadenceTime[] WeeklyTimes = [new(10, DayOfWeek.Friday)];

    /// <summary>The calendar cadences, in the order pages list them.</summary>
    public static IReadOnlyList<MonitoringCadence> Calendar { get; } = [MonitoringCadence.Close, MonitoringCadence.Daily, MonitoringCadence.Weekly];

    public static IReadOnlyList<CadenceTime> Times(MonitoringCadence cadence) => cadence switch
    {
        MonitoringCadence.Close => CloseTimes,
        MonitoringCadence.Daily => DailyTimes,
        MonitoringCadence.Weekly => WeeklyTimes,
        _ => throw new ArgumentOutOfRangeException(nameof(cadence), cadence, "The intensive cadence has no calendar times."),
    };

    /// <summary>The first due time strictly after <paramref name="instant"/>.</summary>
    public static DateTimeOffset NextDueAfter(MonitoringCadence cadence, DateTimeOffset instant)
    {
        var times = Times(cadence);
        var utc = instant.ToUniversalTime();
        for (var date = DateOnly.FromDateTime(utc.UtcDateTime); ; date = date.AddDays(1))
        {
            if (times.Select(t => t.On(date)).Where(at => at > utc).Min() is { } next)
            {
                return next;
            }
        }
    }

    /// <summary>The last due time at or before <paramref name="instant"/>: the slot a late check belongs to.</summary>
    public static DateTimeOffset LatestDueAtOrBefore(MonitoringCadence cadence, DateTimeOffset instant)
    {
        var times = Times(cadence);
        var utc = instant.ToUniversalTime();
        for (var date = DateOnly.FromDateTime(utc.UtcDateTime); ; date = date.AddDays(-1))
        {
            if (times.Select(t => t.On(date)).Where(at => at <= utc).Max() is { } latest)
            {
                return latest;
            }
        }
    }

    /// <summary>
    /// The cadence as a Quartz cron expression (seconds minutes hours day-of-month month day-of-week),
    /// to be run in the UTC time zone: <c>0 0 8,16 * * ?</c>, <c>0 0 9 * * ?</c>, <c>0 0 10 ? * FRI</c>.
    /// </summary>
    public static string CronExpression(MonitoringCadence cadence)
    {
        var times = Times(cadence);
        var hours = string.Join(',', times.Select(t => t.Hour.ToString(CultureInfo.InvariantCulture)).Distinct());
        var days = times.Select(t => t.Day).Distinct().ToList();
        return days is [null]
            ? $"0 0 {hours} * * ?"
            : $"0 0 {hours} ? * {string.Join(',', days.Select(d => CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedDayName(d!.Value).ToUpperInvariant()))}";
    }

    /// <summary>People's words for when the cadence is due, e.g. "08:00 and 16:00 UTC".</summary>
    public static string Describe(MonitoringCadence cadence) =>
        string.Join(" and ", Times(cadence).Select(t => string.Create(CultureInfo.InvariantCulture, $"{(t.Day is { } day ? $"{day} " : string.Empty)}{t.Hour:00}:00"))) + " UTC";
}
