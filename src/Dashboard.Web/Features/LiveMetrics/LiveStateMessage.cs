using Dashboard.Core.Metrics;

namespace Dashboard.Web.Features.LiveMetrics;

/// <summary>What <see cref="LiveHub"/> pushes: the latest snapshot and its freshness.</summary>
public sealed record LiveStateMessage(
    MetricsSnapshot? Snapshot,
    DateTimeOffset? LastSuccessAt,
    DateTimeOffset? LastAttemptAt,
    bool IsStale,
    string? StaleReason)
{
    public static LiveStateMessage From(LiveDashboardState state) =>
        new(state.Snapshot, state.LastSuccessAt, state.LastAttemptAt, state.IsStale, state.StaleReason);
}
