using System.Text.Json.Serialization;
using Dashboard.Core.Metrics;
using Dashboard.Core.Evaluation;
using Dashboard.Core.Monitoring;

namespace Dashboard.Web.Features.Monitoring;

/// <summary>One metric of a health check as the API and pages show it; enums as names.</summary>
public sealed record HealthCheckMetricView(
    string Metric,
    [property: JsonConverter(typeof(JsonStringEnumConverter<HealthCheckRule>))] HealthCheckRule Rule,
    string Condition,
    double? Value,
    [property: JsonConverter(typeof(JsonStringEnumConverter<Verdict>))] Verdict Verdict,
    bool Counted,
    string? Note)
{
    public static HealthCheckMetricView From(HealthCheckMetric metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return new(
            metric.Metric, metric.Rule, MetricCatalog.Get(metric.Metric).Threshold(metric.Comparator, metric.Threshold),
            metric.Value, metric.Verdict, metric.Counted, metric.Note);
    }
}
