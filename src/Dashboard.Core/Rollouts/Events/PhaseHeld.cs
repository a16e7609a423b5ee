namespace Dashboard.Core.Rollouts.Events;

/// <summary>The phase was paused; the weight stays where it is.</summary>
public sealed record PhaseHeld(Guid RolloutId, int PhaseIndex, DateTimeOffset At, string Actor, string Reason, string PhaseName, PhaseState PreviousState)
    : RolloutEvent(RolloutId, PhaseIndex, At, Actor, Reason)
{
    public override string Kind => "phase.held";
}
