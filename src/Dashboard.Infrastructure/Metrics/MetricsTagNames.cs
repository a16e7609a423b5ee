namespace Dashboard.Infrastructure.Metrics;

/// <summary>The tag keys of docs/schema.md (configuration section <c>Metrics:Tags</c>).</summary>
public sealed class MetricsTagNames
{
    public string Service { get; set; } = "service";
    public string Cohort { get; set; } = "cohort";
    public string Segment { get; set; } = "segment";
    public string Region { get; set; } = "region";
}
