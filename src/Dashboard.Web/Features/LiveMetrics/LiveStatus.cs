namespace Dashboard.Web.Features.LiveMetrics;

/// <summary>The shared poller's counters and freshness, as served by <c>/api/live/status</c>.</summary>
public sealed record LiveStatus(
    long Polls,
    long ChartReads,
    double PollIntervalSeconds,
    DateTimeOffset? LastSuccessAt,
    DateTimeOffset? LastAttemptAt,
    bool IsStale,
    string? StaleReason);
