using Dashboard.Core.Plans;

namespace Dashboard.Core.Checkpoints;

/// <summary>What to evaluate: one checkpoint of one phase of one rollout, over its window.</summary>
/// <param name="RolloutId">The rollout the evaluation belongs to.</param>
/// <param name="PhaseIndex">Index of <paramref name="Phase"/> in the rollout's plan.</param>
/// <param name="Phase">The phase, for its criteria, rollback triggers and contingency rules.</param>
/// <param name="CheckpointOffset">The checkpoint's offset from the phase start, as the plan gives it.</param>
/// <param name="Window">The windows to judge (<see cref="CheckpointWindow.For"/>).</param>
/// <param name="Previous">The previous checkpoint's evaluation, for trends; null at the first one.</param>
/// <param name="Incidents">Source of incident and data-loss counts; without it those criteria are NO_DATA.</param>
/// <param name="FreshRead">
/// Read every interval from InfluxDB again instead of reusing the settled sums earlier evaluations of the phase
/// stored (docs/checkpoints.md, "Reusing settled sums"): a person's re-run, so points that arrived late count.
/// </param>
public sealed record CheckpointEvaluationRequest(
    string RolloutId,
    int PhaseIndex,
    PlanPhase Phase,
    TimeSpan CheckpointOffset,
    CheckpointWindow Window,
    CheckpointEvaluation? Previous = null,
    IIncidentCounts? Incidents = null,
    bool FreshRead = false);
