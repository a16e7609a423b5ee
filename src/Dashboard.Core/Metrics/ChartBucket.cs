namespace Dashboard.Core.Metrics;

/// <summary>The width of a chart's time buckets: about one point per horizontal pixel (DESIGN §3).</summary>
public static class ChartBucket
{
    /// <summary>
    /// <paramref name="range"/> / <paramref name="maxPoints"/> rounded up to a whole second, so a
    /// range cut into buckets aligned on its start never yields more than <paramref name="maxPoints"/>
    /// points (36 h at 300 points → 7 min 12 s).
    /// </summary>
    public static TimeSpan Width(TimeSpan range, int maxPoints)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPoints, 1);
        if (range <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(range), range, "A chart range is longer than zero.");
        }

        var seconds = (long)Math.Ceiling(range.Ticks / (double)maxPoints / TimeSpan.TicksPerSecond);
        return TimeSpan.FromSeconds(Math.Max(1, seconds));
    }
}
