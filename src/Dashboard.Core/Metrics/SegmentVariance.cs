namespace Dashboard.Core.Metrics;

/// <summary>
/// Segment variance (docs/schema.md, docs/metrics.md): the spread of one metric of one cohort across
/// segments — the largest per-segment value minus the smallest, in the metric's own unit (for the
/// default, the canary error rate, percentage points). Segments without data for the metric do
/// not take part; fewer than two segments with data give null, because a spread needs two values.
/// A segment whose points were incomplete (<see cref="CohortMetrics.IncompletePoints"/>) makes the
/// spread null: leaving it out would pass the spread of the others off as the whole.
/// </summary>
public static class SegmentVariance
{
    /// <summary>The default: spread of the canary error rate across segments, in percentage points.</summary>
    public static double? OfCanaryErrorRate(IReadOnlyDictionary<string, CohortPair> segments) =>
        Of(segments, Cohort.Canary, metrics => metrics.ErrorRatePct);

    /// <summary>Spread of <paramref name="metric"/> of <paramref name="cohort"/> across <paramref name="segments"/>.</summary>
    public static double? Of(
        IReadOnlyDictionary<string, CohortPair> segments,
        Cohort cohort,
        Func<CohortMetrics, double?> metric)
    {
        ArgumentNullException.ThrowIfNull(segments);
        ArgumentNullException.ThrowIfNull(metric);
        return segments.Values.Any(pair => pair[cohort].IncompletePoints)
            ? null
            : Spread(segments.Values.Select(pair => metric(pair[cohort])));
    }

    /// <summary>Max − min of the non-null values; null when fewer than two values are present.</summary>
    public static double? Spread(IEnumerable<double?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var present = values.OfType<double>().Where(value => !double.IsNaN(value)).ToList();
        return present.Count < 2 ? null : present.Max() - present.Min();
    }
}
