namespace Dashboard.Infrastructure.Metrics;

/// <summary>
/// Where the derived metrics live in InfluxDB (configuration section <c>Metrics</c>); the defaults
/// are the schema of docs/schema.md. Every name and value here reaches InfluxQL only escaped.
/// </summary>
public sealed class MetricsSchemaOptions
{
    public const string SectionName = "Metrics";

    /// <summary>When set, only series whose service tag equals this value are read.</summary>
    public string? Service { get; set; }

    /// <summary>
    /// The finest time bucket used to line up the <c>learners.active</c> gauge of several series
    /// before summing them; windows longer than 120 buckets use proportionally wider ones.
    /// </summary>
    public TimeSpan GaugeBucket { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often each series writes a point (docs/schema.md: every 5 s). Chart buckets are whole
    /// multiples of it, so requests per second per bucket do not swing with the point count.
    /// </summary>
    public TimeSpan PointInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a read that found a torn <c>requests</c> group waits before reading again (at most
    /// twice, docs/metrics.md "Torn reads"). A point's fields land within milliseconds of each other,
    /// so 200 ms is plenty, and a live poll is late by at most twice this.
    /// </summary>
    public TimeSpan TornReadBackoff { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// The fewest requests one point of the error-rate and P99 charts stands for: thinner buckets are merged
    /// (docs/metrics.md, "Honest charts"). At 200 one error moves a point by at most 0.5 percentage points.
    /// </summary>
    public int ChartMinimumRequests { get; set; } = 200;

    /// <summary>The fewest probes one point of the availability chart stands for: thinner buckets are merged.</summary>
    public int ChartMinimumProbes { get; set; } = 60;

    public MetricsTagNames Tags { get; set; } = new();

    public MetricsMeasurementNames Measurements { get; set; } = new();

    public MetricsFieldNames Fields { get; set; } = new();
}
