namespace Dashboard.Core.Rollouts.Events;

/// <summary>The phase waits for GO from these roles; with none (an auto-advance gate whose last checkpoint had a WARN), for a person's decision.</summary>
public sealed record SignOffRequested(Guid RolloutId, int PhaseIndex, DateTimeOffset At, string Actor, string Reason, string PhaseName, IReadOnlyList<Plans.SignOffRole> Roles, string? ChecklistTemplateId)
    : RolloutEvent(RolloutId, PhaseIndex, At, Actor, Reason)
{
    public override string Kind => "phase.signOffRequested";
}
