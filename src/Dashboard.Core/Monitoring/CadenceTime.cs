namespace Dashboard.Core.Monitoring;

/// <summary>
/// A wall-clock time at which a calendar cadence is due, in UTC: on the hour <see cref="Hour"/>,
/// every day or only on <see cref="Day"/>. UTC has no daylight-saving time, so a cadence is due at the
/// same instant whatever the war room's local clocks say.
/// </summary>
public sealed record CadenceTime(int Hour, DayOfWeek? Day = null)
{
    /// <summary>The time on <paramref name="date"/> (UTC), or null when the cadence is not due that day.</summary>
    public DateTimeOffset? On(DateOnly date) =>
        Day is { } day && date.DayOfWeek != day ? null : new DateTimeOffset(date.ToDateTime(new TimeOnly(Hour, 0)), TimeSpan.Zero);
}
