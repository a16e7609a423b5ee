namespace Dashboard.Core.Plans;

/// <summary>
/// A rollout plan: ordered phases and what to do with a failed one. Plans are data — built-in
/// templates (<see cref="BuiltInPlans"/>) or JSON (<see cref="PlanJson"/>), checked by
/// <see cref="PlanValidator"/>.
/// </summary>
/// <param name="Id">A slug such as "three-phase": lower-case letters, digits and single hyphens.</param>
/// <param name="Name">Display name.</param>
/// <param name="Description">Optional longer text.</param>
/// <param name="Phases">At least one phase, in order.</param>
/// <param name="OnFailedPhase">Hold-and-retry policy; null means a failed phase waits for people to decide.</param>
public sealed record RolloutPlan(
    string Id,
    string Name,
    string? Description,
    IReadOnlyList<PlanPhase> Phases,
    FailedPhasePolicy? OnFailedPhase = null);
