namespace Dashboard.Core.Rollouts.Events;

/// <summary>A held phase runs again, its clock unchanged.</summary>
public sealed record PhaseResumed(Guid RolloutId, int PhaseIndex, DateTimeOffset At, string Actor, string Reason, string PhaseName)
    : RolloutEvent(RolloutId, PhaseIndex, At, Actor, Reason)
{
    public override string Kind => "phase.resumed";
}
