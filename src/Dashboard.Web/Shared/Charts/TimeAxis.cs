using Dashboard.Web.Shared.Time;

namespace Dashboard.Web.Shared.Charts;

/// <summary>
/// The labels of a chart's time axis: at most a handful, on round UTC steps (seconds for a scaled demo window,
/// days for weeks), written just precisely enough that no two labels read the same ("17:06" five times is useless).
/// </summary>
public static class TimeAxis
{
    private static readonly TimeSpan[] Steps =
    [
        TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10),
        TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2),
        TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(3), TimeSpan.FromHours(6),
        TimeSpan.FromHours(12), TimeSpan.FromDays(1), TimeSpan.FromDays(2), TimeSpan.FromDays(7),
    ];

    /// <summary>The ticks in [<paramref name="from"/>, <paramref name="to"/>], no more than <paramref name="maxTicks"/>.</summary>
    public static IReadOnlyList<TimeTick> Ticks(DateTimeOffset from, DateTimeOffset to, TimeDisplay display, int maxTicks = 6)
    {
        ArgumentNullException.ThrowIfNull(display);
        var span = to - from;
        if (span <= TimeSpan.Zero)
        {
            return [Tick(from, TimePattern.Seconds, display)];
        }

        var step = Steps.FirstOrDefault(s => span / s <= maxTicks, TimeSpan.FromDays(Math.Ceiling(span.TotalDays / maxTicks)));
        var first = new DateTimeOffset((from.UtcTicks + step.Ticks - 1) / step.Ticks * step.Ticks, TimeSpan.Zero);
        var times = new List<DateTimeOffset>();
        for (var at = first; at <= to; at += step)
        {
            times.Add(at);
        }

        if (times.Count == 0)
        {
            times.Add(from);
        }

        var pattern = span >= TimeSpan.FromHours(20) ? TimePattern.DateAndMinutes
            : step < TimeSpan.FromMinutes(1) || times.Any(t => t.Second != 0) ? TimePattern.Seconds
            : TimePattern.Minutes;
        var ticks = times.Select(t => Tick(t, pattern, display)).ToList();

        // Round steps of at least a second never collide at seconds with the date; anything coarser that does is not used.
        return ticks.DistinctBy(t => t.Utc).Count() == ticks.Count
            ? ticks
            : [.. times.Select(t => Tick(t, TimePattern.DateAndSeconds, display))];
    }

    private static TimeTick Tick(DateTimeOffset at, TimePattern pattern, TimeDisplay display) =>
        new(at, UtcTime.Text(at, pattern), display.LocalText(at, pattern));
}
