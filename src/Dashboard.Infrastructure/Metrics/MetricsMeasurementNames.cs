namespace Dashboard.Infrastructure.Metrics;

/// <summary>The measurements of docs/schema.md (configuration section <c>Metrics:Measurements</c>).</summary>
public sealed class MetricsMeasurementNames
{
    public string Requests { get; set; } = "requests";
    public string Probes { get; set; } = "probes";
    public string Learners { get; set; } = "learners";
    public string Business { get; set; } = "business";
    public string Resources { get; set; } = "resources";
}
