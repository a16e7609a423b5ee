using Dashboard.Core.Metrics;

namespace Dashboard.Core.Demo;

/// <summary>
/// Cumulative latency-histogram counts of one interval, in the bucket order of docs/schema.md:
/// <c>le_10 ≤ le_25 ≤ … ≤ le_inf</c>, where <c>le_inf</c> equals the request count. Whole counts
/// as the simulator writes them; the bounds and field names are those of <see cref="LatencyHistogram"/>.
/// </summary>
public sealed class LatencyCounts
{
    /// <summary>Upper bounds of the buckets in milliseconds; the last is +∞.</summary>
    public static IReadOnlyList<double> UpperBoundsMs { get; } =
        [.. LatencyHistogram.FiniteUpperBoundsMs, double.PositiveInfinity];

    private readonly long[] _cumulative;

    public LatencyCounts(IReadOnlyList<long> cumulative)
    {
        ArgumentNullException.ThrowIfNull(cumulative);
        if (cumulative.Count != UpperBoundsMs.Count)
        {
            throw new ArgumentException($"A histogram has {UpperBoundsMs.Count} buckets.", nameof(cumulative));
        }

        for (var i = 0; i < cumulative.Count; i++)
        {
            if (cumulative[i] < 0 || (i > 0 && cumulative[i] < cumulative[i - 1]))
            {
                throw new ArgumentException("Cumulative counts must be non-negative and non-decreasing.", nameof(cumulative));
            }
        }

        _cumulative = [.. cumulative];
    }

    /// <summary>Requests at or under each bucket's bound, in the order of <see cref="UpperBoundsMs"/>.</summary>
    public IReadOnlyList<long> Cumulative => _cumulative;

    /// <summary>All requests of the interval (the <c>le_inf</c> bucket).</summary>
    public long Count => _cumulative[^1];
}
