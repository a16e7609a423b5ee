namespace Dashboard.Core.Rollouts.Events;

/// <summary>The phase waits for GO from these roles.</summary>
public sealed record SignOffRequested(Guid RolloutId, int PhaseIndex, DateTimeOffset At, string Actor, string Reason, string PhaseName, IReadOnlyList<Plans.SignOffRole> Roles, string? ChecklistTemplateId)
    : RolloutEvent(RolloutId, PhaseIndex, At, Actor, Reason)
{
    public override string Kind => "phase.signOffRequested";
}
