namespace Dashboard.Core.Rollouts.Events;

/// <summary>The last phase was advanced past: the candidate is the new version.</summary>
public sealed record RolloutCompleted(Guid RolloutId, int PhaseIndex, DateTimeOffset At, string Actor, string Reason, string PhaseName)
    : RolloutEvent(RolloutId, PhaseIndex, At, Actor, Reason)
{
    public override string Kind => "rollout.completed";
}
