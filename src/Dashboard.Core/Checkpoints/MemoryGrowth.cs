namespace Dashboard.Core.Checkpoints;

/// <summary>
/// Memory growth in MB/h (docs/schema.md "memory growth MB/h"; the rollout phase's "memory stable"):
/// the least-squares slope of the mean memory per sample interval against time. A slope rather than
/// last − first, so one garbage collection at either end does not decide the verdict.
/// </summary>
public static class MemoryGrowth
{
    /// <summary>
    /// Slope in MB per hour of <paramref name="samples"/> (time, MB); null with fewer than two
    /// distinct times, because a line needs two.
    /// </summary>
    public static double? MbPerHour(IEnumerable<(DateTimeOffset Time, double Mb)> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var points = samples.Where(sample => !double.IsNaN(sample.Mb)).ToList();
        if (points.Select(point => point.Time).Distinct().Count() < 2)
        {
            return null;
        }

        // Hours relative to the first sample keep the sums small enough to stay exact.
        var origin = points.Min(point => point.Time);
        var xs = points.Select(point => (point.Time - origin).TotalHours).ToList();
        var meanX = xs.Average();
        var meanY = points.Average(point => point.Mb);
        var covariance = xs.Zip(points, (x, point) => (x - meanX) * (point.Mb - meanY)).Sum();
        var variance = xs.Sum(x => (x - meanX) * (x - meanX));
        return covariance / variance;
    }
}
