namespace Dashboard.Core.Metrics;

/// <summary>
/// The fewest events one point of a ratio chart stands for (docs/metrics.md, "Honest charts"). At 1 % of
/// a few hundred requests per second a 5 s bucket holds about 25 canary requests, so one error draws a
/// 4 % spike; buckets are therefore merged until each point holds at least this many requests (error
/// rate, P99) or probes (availability). Requests per second are a rate, not a ratio, and are never merged.
/// </summary>
public sealed record ChartEvidence(int MinimumRequests, int MinimumProbes)
{
    /// <summary>Every bucket is its own point, however few events it holds: a minimum of 1 merges nothing.</summary>
    public static ChartEvidence EveryBucket { get; } = new(1, 1);

    /// <summary>The fewest events a point holds for <paramref name="metric"/>; null for a metric never merged.</summary>
    public int? MinimumFor(ChartMetric metric) => metric switch
    {
        ChartMetric.ErrorRatePct or ChartMetric.P99Ms => MinimumRequests,
        ChartMetric.AvailabilityPct => MinimumProbes,
        _ => null,
    };

    /// <summary>What a point of <paramref name="metric"/> counts, in words ("requests"); null for a rate.</summary>
    public static string? EventsOf(ChartMetric metric) => metric switch
    {
        ChartMetric.ErrorRatePct or ChartMetric.P99Ms => "requests",
        ChartMetric.AvailabilityPct => "probes",
        _ => null,
    };

    /// <summary>The events behind <paramref name="metric"/> in <paramref name="totals"/>; null for a rate or no data.</summary>
    public static double? CountOf(ChartMetric metric, WindowTotals totals)
    {
        ArgumentNullException.ThrowIfNull(totals);
        return metric switch
        {
            ChartMetric.ErrorRatePct or ChartMetric.P99Ms => totals.Requests,
            ChartMetric.AvailabilityPct => totals.ProbesTotal,
            _ => null,
        };
    }
}
