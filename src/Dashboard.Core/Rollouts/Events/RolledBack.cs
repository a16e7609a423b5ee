namespace Dashboard.Core.Rollouts.Events;

/// <summary>The candidate was taken out of traffic.</summary>
public sealed record RolledBack(Guid RolloutId, int PhaseIndex, DateTimeOffset At, string Actor, string Reason, string PhaseName, int FromPercent)
    : RolloutEvent(RolloutId, PhaseIndex, At, Actor, Reason)
{
    public override string Kind => "rollout.rolledBack";
}
