namespace Dashboard.Core.Metrics;

/// <summary>The width of a chart's time buckets: about one point per horizontal pixel (docs/schema.md).</summary>
public static class ChartBucket
{
    /// <summary>
    /// <paramref name="range"/> / <paramref name="maxPoints"/> rounded up to a whole multiple of
    /// <paramref name="pointInterval"/> (the interval at which series write points), so a range cut
    /// into buckets aligned on its start never yields more than <paramref name="maxPoints"/> points
    /// and every bucket holds the same number of points per series — requests per second computed
    /// per bucket would otherwise swing with 2 or 3 points in a bucket (36 h at 300 points and 5 s
    /// points → 7 min 15 s; 15 min → 5 s).
    /// </summary>
    public static TimeSpan Width(TimeSpan range, int maxPoints, TimeSpan pointInterval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPoints, 1);
        if (range <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(range), range, "A chart range is longer than zero.");
        }

        var step = Math.Max(1, (long)Math.Ceiling(pointInterval.TotalSeconds));
        var seconds = (long)Math.Ceiling(range.Ticks / (double)maxPoints / TimeSpan.TicksPerSecond);
        var steps = Math.Max(1, (seconds + step - 1) / step);
        return TimeSpan.FromSeconds(steps * step);
    }
}
