namespace Dashboard.Core.Rollouts.Events;

/// <summary>A rollout was planned; nothing routes to the candidate yet.</summary>
public sealed record RolloutCreated(Guid RolloutId, int PhaseIndex, DateTimeOffset At, string Actor, string Reason, string Service, string BaselineVersion, string CandidateVersion, string PlanId, string PlanName)
    : RolloutEvent(RolloutId, PhaseIndex, At, Actor, Reason)
{
    public override string Kind => "rollout.created";
}
