namespace Dashboard.Core.Rollouts;

/// <summary>
/// How far one phase got. <see cref="StartedAt"/> is the start of its current run (a retry
/// restarts it); <see cref="HeldAt"/> is set while held.
/// </summary>
public sealed record PhaseProgress(
    int Index,
    string Name,
    PhaseState State,
    DateTimeOffset? StartedAt = null,
    DateTimeOffset? EndedAt = null,
    DateTimeOffset? HeldAt = null)
{
    /// <summary>Wall-clock time since the phase (re)started, up to its end; a hold does not stop the clock.</summary>
    public TimeSpan? Elapsed(DateTimeOffset now) => StartedAt is { } started ? (EndedAt ?? now) - started : null;
}
