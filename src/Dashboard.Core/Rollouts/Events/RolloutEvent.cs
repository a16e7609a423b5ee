namespace Dashboard.Core.Rollouts.Events;

/// <summary>
/// Something that happened to a rollout: who, when, why and in which phase. The store persists
/// the events a command returns and appends each to the audit log under its <see cref="Kind"/>.
/// </summary>
public abstract record RolloutEvent(Guid RolloutId, int PhaseIndex, DateTimeOffset At, string Actor, string Reason)
{
    /// <summary>A stable dotted name for the audit log, e.g. "traffic.changeRequested".</summary>
    public abstract string Kind { get; }
}
