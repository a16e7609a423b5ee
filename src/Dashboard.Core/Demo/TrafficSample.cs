using Dashboard.Core.Metrics;

namespace Dashboard.Core.Demo;

/// <summary>
/// What one cohort served in one segment and region during one interval: the values of the
/// <c>requests</c>, <c>probes</c>, <c>learners</c>, <c>business</c> and <c>resources</c>
/// measurements of docs/schema.md. Counts are never negative.
/// </summary>
public sealed record TrafficSample
{
    public required Cohort Cohort { get; init; }
    public required string Segment { get; init; }
    public required string Region { get; init; }

    public required long Requests { get; init; }
    public required long Errors { get; init; }
    public required LatencyCounts Latency { get; init; }

    public required long ProbesOk { get; init; }
    public required long ProbesTotal { get; init; }

    public required long ActiveLearners { get; init; }

    public required double Revenue { get; init; }
    public required long Sessions { get; init; }
    public required long Completions { get; init; }
    public required long Churned { get; init; }

    public required double CpuPct { get; init; }
    public required double MemMb { get; init; }
    public required double NetMbps { get; init; }
    public required double DbQueryMs { get; init; }
    public required long CacheHits { get; init; }
    public required long CacheMisses { get; init; }
}
