namespace Dashboard.Core.Metrics;

/// <summary>
/// Where a metric's raw values come from: one InfluxDB measurement of docs/metrics.md, or the
/// incident log the app keeps itself. Metrics of one InfluxDB source are read (and fail) together.
/// </summary>
public enum MetricSource
{
    Requests,
    Probes,
    Learners,
    Business,
    Resources,
    IncidentLog,
}
