namespace Dashboard.Core.Metrics;

/// <summary>Reads the value a <see cref="ChartMetric"/> draws from a bucket's metrics.</summary>
public static class ChartMetricValues
{
    public static double? ValueOf(this CohortMetrics metrics, ChartMetric metric)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        return metric switch
        {
            ChartMetric.ErrorRatePct => metrics.ErrorRatePct,
            ChartMetric.P99Ms => metrics.P99Ms,
            ChartMetric.AvailabilityPct => metrics.AvailabilityPct,
            ChartMetric.Rps => metrics.Rps,
            _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "Unknown chart metric."),
        };
    }
}
