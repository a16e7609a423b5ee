namespace Dashboard.Core.Metrics;

/// <summary>
/// The one check that a group's request totals were read whole (docs/metrics.md, "Torn reads").
/// Every <c>requests</c> point carries its count and its cumulative buckets together, so over any set
/// of whole points <c>le_inf</c> equals the count and no bucket holds fewer than the one before it.
/// A group that breaks either holds a point read while only some of its fields were written:
/// InfluxDB 1.x makes the fields of a point visible one by one, and merges fields written apart.
/// </summary>
public static class HistogramConsistency
{
    /// <summary>The reason a metric of a group that stayed torn has no value.</summary>
    public const string IncompletePoints = "incomplete points";

    /// <summary>
    /// True when <paramref name="latency"/> never decreases and its <c>le_inf</c> equals
    /// <paramref name="count"/> (a missing count is 0, so an empty group is whole).
    /// </summary>
    /// <remarks>
    /// The comparison is exact: counts are whole numbers, and sums of whole numbers below 2^53 are
    /// exact in any order, so a whole group can never differ by rounding.
    /// </remarks>
    public static bool IsWhole(double? count, LatencyHistogram latency)
    {
        ArgumentNullException.ThrowIfNull(latency);
        return latency.IsMonotonic && latency.Observations == (count ?? 0);
    }
}
