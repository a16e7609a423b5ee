namespace Dashboard.Core.Rollouts.Events;

/// <summary>The phase <see cref="RolloutEvent.PhaseIndex"/> completed and the next one started.</summary>
public sealed record PhaseAdvanced(Guid RolloutId, int PhaseIndex, DateTimeOffset At, string Actor, string Reason, string FromPhaseName, int ToPhaseIndex, string ToPhaseName, int TrafficPercent)
    : RolloutEvent(RolloutId, PhaseIndex, At, Actor, Reason)
{
    public override string Kind => "phase.advanced";
}
