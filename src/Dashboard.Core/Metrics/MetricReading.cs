namespace Dashboard.Core.Metrics;

/// <summary>How the value a criterion judges is made from the per-cohort values of a metric.</summary>
public enum MetricReading
{
    /// <summary>The canary cohort's value itself (error rate, P99, availability …).</summary>
    Canary,

    /// <summary>The canary's value relative to the baseline's, in % (revenue impact).</summary>
    CanaryAgainstBaseline,

    /// <summary>The least-squares slope per hour of the canary's value over the window (memory growth); needs a trend, so never in a live snapshot.</summary>
    CanaryTrendPerHour,

    /// <summary>A count of events in the incident log, never in InfluxDB.</summary>
    IncidentCount,
}
