using Dashboard.Core.Plans;
using Dashboard.Core.Rollouts;

namespace Dashboard.Web.Features.Rollouts;

/// <summary>
/// A rollout as the API and the UI show it. <see cref="RequestedWeightPercent"/> is the weight the
/// rollout wants; <see cref="AppliedWeightPercent"/> the last one the router confirmed (null when it
/// never confirmed one) — they differ while a change is failed or not yet settled.
/// </summary>
public sealed record RolloutView(
    Guid Id,
    string Service,
    string BaselineVersion,
    string CandidateVersion,
    string PlanId,
    string PlanName,
    RolloutStatus Status,
    int CurrentPhaseIndex,
    string CurrentPhase,
    PhaseState CurrentState,
    IReadOnlyList<RolloutAction> AllowedActions,
    int RequestedWeightPercent,
    int? AppliedWeightPercent,
    TrafficChangeView? LastTrafficChange,
    IReadOnlyList<PhaseView> Phases,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    string? StartedBy,
    DateTimeOffset? StartedAt,
    int Version)
{
    /// <param name="rollout">The aggregate.</param>
    /// <param name="changes">The rollout's traffic changes, oldest first.</param>
    public static RolloutView From(Rollout rollout, IReadOnlyList<TrafficChangeView> changes)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        ArgumentNullException.ThrowIfNull(changes);
        var applied = changes.LastOrDefault(c => c.Status == TrafficChangeStatus.Applied);
        var phases = rollout.Phases
            .Select(p => Phase(p, rollout.Plan.Phases[p.Index]))
            .ToList();
        return new(
            rollout.Id,
            rollout.Service,
            rollout.BaselineVersion,
            rollout.CandidateVersion,
            rollout.Plan.Id,
            rollout.Plan.Name,
            rollout.Status,
            rollout.CurrentPhaseIndex,
            rollout.CurrentPhase.Name,
            rollout.CurrentState,
            rollout.AllowedActions,
            rollout.CanaryWeightPercent,
            applied?.ReadBackPercent,
            changes.Count == 0 ? null : changes[^1],
            phases,
            rollout.CreatedBy,
            rollout.CreatedAt,
            rollout.StartedBy,
            rollout.StartedAt,
            rollout.Version);
    }

    private static PhaseView Phase(PhaseProgress progress, PlanPhase planned) =>
        new(progress.Index, progress.Name, progress.State, planned.TrafficPercent, planned.Duration, progress.StartedAt, progress.EndedAt, progress.HeldAt);
}
