namespace Dashboard.Web.Features.LiveMetrics;

/// <summary>
/// What <see cref="LiveHub"/> pushes to a kiosk screen as <c>state</c>: the headline tiles and the freshness the war room
/// shows (the stale reason is on its banner), nothing more (docs/security.md, "Live hub").
/// </summary>
public sealed record ScreenStateMessage(
    ScreenSnapshot? Snapshot,
    DateTimeOffset? LastSuccessAt,
    DateTimeOffset? LastAttemptAt,
    bool IsStale,
    string? StaleReason)
{
    public static ScreenStateMessage From(LiveDashboardState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new(state.Snapshot is { } snapshot ? ScreenSnapshot.From(snapshot) : null, state.LastSuccessAt, state.LastAttemptAt, state.IsStale, state.StaleReason);
    }
}
