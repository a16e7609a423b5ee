namespace Dashboard.Core.Rollouts.Events;

/// <summary>The rollout wants the canary weight moved; the router applies it and the store records the outcome.</summary>
public sealed record TrafficChangeRequested(Guid RolloutId, int PhaseIndex, DateTimeOffset At, string Actor, string Reason, int FromPercent, int ToPercent)
    : RolloutEvent(RolloutId, PhaseIndex, At, Actor, Reason)
{
    public override string Kind => "traffic.changeRequested";
}
