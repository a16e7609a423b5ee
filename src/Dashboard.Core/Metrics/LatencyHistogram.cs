namespace Dashboard.Core.Metrics;

/// <summary>
/// The cumulative latency histogram of the <c>requests</c> measurement (docs/schema.md): counts of
/// requests that took at most 10, 25, 50, 100, 200, 250, 500, 1000 ms and +Inf. Quantiles follow
/// Prometheus' <c>histogram_quantile</c>; histograms of several series or intervals are summed
/// bucket by bucket first, because percentiles cannot be averaged. Unlike Prometheus it does not
/// repair buckets that decrease: such a histogram was read torn and has no quantile
/// (docs/metrics.md, "Torn reads").
/// </summary>
public sealed class LatencyHistogram
{
    private static readonly double[] FiniteBounds = [10, 25, 50, 100, 200, 250, 500, 1000];

    private readonly double[] _cumulative;

    /// <param name="cumulativeCounts">One count per bucket of <see cref="FieldNames"/>, the last one being +Inf.</param>
    public LatencyHistogram(IReadOnlyList<double> cumulativeCounts)
    {
        ArgumentNullException.ThrowIfNull(cumulativeCounts);
        if (cumulativeCounts.Count != BucketCount)
        {
            throw new ArgumentException($"A latency histogram has {BucketCount} buckets, not {cumulativeCounts.Count}.", nameof(cumulativeCounts));
        }

        if (cumulativeCounts.Any(count => double.IsNaN(count) || count < 0 || double.IsInfinity(count)))
        {
            throw new ArgumentException("Bucket counts must be finite and non-negative.", nameof(cumulativeCounts));
        }

        _cumulative = [.. cumulativeCounts];
    }

    /// <summary>Number of buckets including +Inf.</summary>
    public const int BucketCount = 9;

    /// <summary>The finite upper bounds in milliseconds; the last bucket (+Inf) has none.</summary>
    public static IReadOnlyList<double> FiniteUpperBoundsMs => FiniteBounds;

    /// <summary>The field names of the buckets in the <c>requests</c> measurement, in bucket order.</summary>
    public static IReadOnlyList<string> FieldNames { get; } =
        ["le_10", "le_25", "le_50", "le_100", "le_200", "le_250", "le_500", "le_1000", "le_inf"];

    public static LatencyHistogram Empty { get; } = new(new double[BucketCount]);

    public IReadOnlyList<double> CumulativeCounts => _cumulative;

    /// <summary>The +Inf bucket: every observation.</summary>
    public double Observations => _cumulative[^1];

    /// <summary>True when no bucket holds fewer observations than the one before it, as cumulative counts must.</summary>
    public bool IsMonotonic
    {
        get
        {
            for (var i = 1; i < BucketCount; i++)
            {
                if (_cumulative[i] < _cumulative[i - 1])
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>
    /// Builds a histogram from summed fields as a query returns them; a bucket without data counts 0.
    /// </summary>
    public static LatencyHistogram FromFieldSums(IReadOnlyList<double?> sums)
    {
        ArgumentNullException.ThrowIfNull(sums);
        return new LatencyHistogram([.. sums.Select(sum => sum ?? 0)]);
    }

    public static LatencyHistogram Sum(IEnumerable<LatencyHistogram> histograms)
    {
        ArgumentNullException.ThrowIfNull(histograms);
        return histograms.Aggregate(Empty, (total, next) => total.Add(next));
    }

    public LatencyHistogram Add(LatencyHistogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var sum = new double[BucketCount];
        for (var i = 0; i < BucketCount; i++)
        {
            sum[i] = _cumulative[i] + other._cumulative[i];
        }

        return new LatencyHistogram(sum);
    }

    /// <summary>
    /// The <paramref name="quantile"/> (0 &lt; q ≤ 1) in milliseconds, or null when the histogram is
    /// empty or not monotonic (a torn read: flattening the dip as Prometheus does would invent a number).
    /// Linear interpolation inside the bucket holding the rank, 0 as the lower bound of the first
    /// bucket, and the highest finite bound (1000 ms) when the rank falls in the +Inf bucket.
    /// </summary>
    public double? Quantile(double quantile)
    {
        if (double.IsNaN(quantile) || quantile <= 0 || quantile > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(quantile), quantile, "A quantile lies in (0, 1].");
        }

        if (Observations <= 0 || !IsMonotonic)
        {
            return null;
        }

        var counts = _cumulative;
        var rank = quantile * Observations;
        var bucket = Array.FindIndex(counts, 0, FiniteBounds.Length, count => count >= rank);
        if (bucket < 0)
        {
            return FiniteBounds[^1];
        }

        var start = bucket == 0 ? 0 : FiniteBounds[bucket - 1];
        var below = bucket == 0 ? 0 : counts[bucket - 1];
        var inBucket = counts[bucket] - below;
        return start + ((FiniteBounds[bucket] - start) * ((rank - below) / inBucket));
    }
}
