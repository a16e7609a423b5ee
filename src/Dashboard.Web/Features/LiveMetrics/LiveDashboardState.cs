using Dashboard.Core.Metrics;

namespace Dashboard.Web.Features.LiveMetrics;

/// <summary>
/// What every open dashboard shows, produced once per poll by the shared poller.
/// <see cref="Snapshot"/> and <see cref="Charts"/> keep the last good values when a poll fails,
/// so pages can grey them out with their age.
/// </summary>
public sealed record LiveDashboardState
{
    public static LiveDashboardState Initial { get; } = new();

    /// <summary>The last snapshot read successfully, or null before the first one.</summary>
    public MetricsSnapshot? Snapshot { get; init; }

    /// <summary>The last chart data read for each range.</summary>
    public IReadOnlyDictionary<ChartRange, ChartSeriesSet> Charts { get; init; } = new Dictionary<ChartRange, ChartSeriesSet>();

    /// <summary>When the last poll that reached InfluxDB finished.</summary>
    public DateTimeOffset? LastSuccessAt { get; init; }

    /// <summary>When the last poll was attempted.</summary>
    public DateTimeOffset? LastAttemptAt { get; init; }

    /// <summary>Why the data is stale, or null when it is fresh.</summary>
    public string? StaleReason { get; init; }

    public bool IsStale => StaleReason is not null;
}
