namespace Dashboard.Core.Rollouts;

/// <summary>
/// A rollout as a store saves it: primitives, enums and the plan as JSON (a snapshot of the plan
/// at creation, so later edits of a custom plan never change a running rollout).
/// <see cref="Status"/> is redundant with the phases and kept for queries; <see cref="Version"/>
/// counts accepted commands and suits an optimistic-concurrency token.
/// </summary>
public sealed record RolloutSnapshot(
    Guid Id,
    string Service,
    string BaselineVersion,
    string CandidateVersion,
    string PlanId,
    string PlanJson,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    string? StartedBy,
    DateTimeOffset? StartedAt,
    int CurrentPhaseIndex,
    int CanaryWeightPercent,
    RolloutStatus Status,
    int Version,
    IReadOnlyList<PhaseProgress> Phases);
