namespace Dashboard.Core.Rollouts.Events;

/// <summary>A held phase runs again from its start (the failed-phase policy).</summary>
public sealed record PhaseRetried(Guid RolloutId, int PhaseIndex, DateTimeOffset At, string Actor, string Reason, string PhaseName)
    : RolloutEvent(RolloutId, PhaseIndex, At, Actor, Reason)
{
    public override string Kind => "phase.retried";
}
