namespace Dashboard.Core.Rollouts.Events;

/// <summary>The first phase started.</summary>
public sealed record RolloutStarted(Guid RolloutId, int PhaseIndex, DateTimeOffset At, string Actor, string Reason, string PhaseName, int TrafficPercent)
    : RolloutEvent(RolloutId, PhaseIndex, At, Actor, Reason)
{
    public override string Kind => "rollout.started";
}
