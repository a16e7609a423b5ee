namespace Dashboard.Core.Metrics;

/// <summary>The metrics drawn as time-series charts on the dashboard.</summary>
public enum ChartMetric
{
    ErrorRatePct,
    P99Ms,
    AvailabilityPct,
    Rps,
}
