namespace Dashboard.Core.Metrics;

/// <summary>
/// Totals a gauge reported by several series (one per segment, region, version …) over a window.
/// At each time bucket the series are summed (learners in segment A plus learners in segment B),
/// and the window's value is the mean of those per-bucket totals. Averaging the series instead
/// would divide the population by the number of series.
/// </summary>
public static class GaugeTotal
{
    /// <summary>
    /// The mean over buckets of the per-bucket sum of <paramref name="samples"/>; null when there
    /// is none. Buckets without any sample are gaps, not zero learners, and do not count.
    /// </summary>
    public static double? MeanOfBucketSums(IEnumerable<GaugeSample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var totals = samples
            .GroupBy(sample => sample.Bucket)
            .Select(bucket => bucket.Sum(sample => sample.Value))
            .ToList();
        return totals.Count == 0 ? null : totals.Average();
    }
}
