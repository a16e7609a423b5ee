namespace Dashboard.Core.Monitoring;

/// <summary>
/// The span of metrics one health check judges, ending when the check runs (the metrics reader reads
/// windows that end now). Which span each cadence covers:
/// <list type="bullet">
/// <item>intensive — the last <c>Monitoring:IntensiveWindow</c> (1 min by default): the last 5 s hold a
/// handful of requests at 1 % traffic, too few for an error rate or a P99 worth judging;</item>
/// <item>close and daily — since the end of the previous check of the same cadence (or, without one,
/// since the cadence's previous due time), at most <see cref="MaxSincePrevious"/>;</item>
/// <item>weekly — the last <see cref="Week"/>.</item>
/// </list>
/// A close or daily window is never shorter than <see cref="Minimum"/>, so a check run twice in a row still judges data.
/// </summary>
public sealed record HealthCheckWindow(DateTimeOffset Start, DateTimeOffset End)
{
    public static readonly TimeSpan MaxSincePrevious = TimeSpan.FromHours(24);
    public static readonly TimeSpan Week = TimeSpan.FromDays(7);
    public static readonly TimeSpan Minimum = TimeSpan.FromMinutes(1);

    public TimeSpan Length => End - Start;

    /// <param name="cadence">The cadence of the check.</param>
    /// <param name="dueAt">The slot the check belongs to (for a calendar cadence without an earlier check).</param>
    /// <param name="end">When the check runs: the window ends here.</param>
    /// <param name="previousEnd">Where the previous check of this cadence ended, if there was one.</param>
    /// <param name="intensiveWindow">The length of an intensive window.</param>
    public static HealthCheckWindow For(MonitoringCadence cadence, DateTimeOffset dueAt, DateTimeOffset end, DateTimeOffset? previousEnd, TimeSpan intensiveWindow)
    {
        var start = cadence switch
        {
            MonitoringCadence.Intensive => end - intensiveWindow,
            MonitoringCadence.Weekly => end - Week,
            _ => Min(Max(previousEnd ?? CadenceCalendar.LatestDueAtOrBefore(cadence, dueAt - TimeSpan.FromTicks(1)), end - MaxSincePrevious), end - Minimum),
        };
        return new HealthCheckWindow(start, end);
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
