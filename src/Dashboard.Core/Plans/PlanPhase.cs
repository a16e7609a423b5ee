namespace Dashboard.Core.Plans;

/// <summary>
/// One phase of a plan: the canary weight it runs at, for how long, when it is checked against
/// which criteria, what rolls it back at once, what softer responses apply and how it moves on.
/// </summary>
/// <param name="Name">Unique within the plan, e.g. "canary".</param>
/// <param name="TrafficPercent">The canary weight of the phase, 0..100.</param>
/// <param name="ExpectedPopulation">Free text such as "5K learners"; informative only.</param>
/// <param name="Duration">How long the phase runs before its gate.</param>
/// <param name="Checkpoints">Offsets from the phase start, ascending, each within <paramref name="Duration"/>.</param>
/// <param name="Criteria">What every checkpoint must pass.</param>
/// <param name="AutoRollbackTriggers">Any one of these holding rolls the rollout back (checked continuously).</param>
/// <param name="ContingencyRules">Softer responses, first match wins.</param>
/// <param name="Gate">Auto-advance or sign-off.</param>
public sealed record PlanPhase(
    string Name,
    int TrafficPercent,
    string? ExpectedPopulation,
    TimeSpan Duration,
    IReadOnlyList<TimeSpan> Checkpoints,
    IReadOnlyList<PassCriterion> Criteria,
    IReadOnlyList<MetricCondition> AutoRollbackTriggers,
    IReadOnlyList<ContingencyRule> ContingencyRules,
    PhaseGate Gate)
{
    /// <summary>
    /// True when opening a critical incident (or raising one to critical) holds the running phase at once,
    /// not only at its next checkpoint ("zero critical incidents").
    /// </summary>
    public bool HoldOnCriticalIncident { get; init; }

    /// <summary>The criteria checked at the checkpoint <paramref name="offset"/>.</summary>
    public IReadOnlyList<PassCriterion> CriteriaAt(TimeSpan offset) =>
        Criteria.Where(criterion => criterion.AppliesAt(offset)).ToList();

    /// <summary>The first checkpoint strictly after <paramref name="elapsed"/>, or null when none is left.</summary>
    public TimeSpan? NextCheckpointAfter(TimeSpan elapsed) =>
        Checkpoints.Where(offset => offset > elapsed).Select(offset => (TimeSpan?)offset).FirstOrDefault();
}
