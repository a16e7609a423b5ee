namespace Dashboard.Core.Rollouts.Events;

/// <summary>The phase met its criteria and its gate: ready to advance.</summary>
public sealed record PhasePassed(Guid RolloutId, int PhaseIndex, DateTimeOffset At, string Actor, string Reason, string PhaseName)
    : RolloutEvent(RolloutId, PhaseIndex, At, Actor, Reason)
{
    public override string Kind => "phase.passed";
}
