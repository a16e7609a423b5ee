namespace Dashboard.Core.Rollouts.Events;

/// <summary>The rollout was abandoned; the candidate leaves traffic.</summary>
public sealed record RolloutAborted(Guid RolloutId, int PhaseIndex, DateTimeOffset At, string Actor, string Reason, string PhaseName)
    : RolloutEvent(RolloutId, PhaseIndex, At, Actor, Reason)
{
    public override string Kind => "rollout.aborted";
}
