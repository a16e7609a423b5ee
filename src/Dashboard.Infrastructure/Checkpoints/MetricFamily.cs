using Dashboard.Core.Metrics;

namespace Dashboard.Infrastructure.Checkpoints;

/// <summary>The group of statements a metric key is computed from; one family fails or succeeds together.</summary>
internal enum MetricFamily
{
    Requests,
    Probes,
    Revenue,
    Resources,
}

internal static class MetricFamilies
{
    /// <summary>The family of an InfluxDB metric key, or null for keys InfluxDB does not hold (incident counts).</summary>
    public static MetricFamily? Of(string metricKey) => MetricCatalog.Find(metricKey)?.Source switch
    {
        MetricSource.Requests => MetricFamily.Requests,
        MetricSource.Probes => MetricFamily.Probes,
        MetricSource.Business => MetricFamily.Revenue,
        MetricSource.Resources => MetricFamily.Resources,
        _ => null,
    };
}
