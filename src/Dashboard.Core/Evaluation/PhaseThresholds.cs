using Dashboard.Core.Plans;

namespace Dashboard.Core.Evaluation;

/// <summary>
/// The thresholds the live pages judge by: the pass criteria of one plan phase — the running phase
/// of the rollout a page follows, the same phase the rollout page and the guardrails judge — and, in
/// words, whose they are ("Following: learning-api v3.0.0 — ramp 10 %").
/// </summary>
public sealed record PhaseThresholds(IReadOnlyList<PassCriterion> Criteria, string Description)
{
    /// <summary>With no rollout running: the first phase of the default (three-phase) plan, labelled as such.</summary>
    public static PhaseThresholds NoRolloutRunning { get; } = new(
        BuiltInPlans.ThreePhase.Phases[0].Criteria,
        $"No rollout running — thresholds of the {BuiltInPlans.ThreePhase.Id} plan's {BuiltInPlans.ThreePhase.Phases[0].Name} phase");

    /// <summary>No thresholds at all, with the reason: a page that cannot tell which phase runs judges nothing rather than judge by the wrong phase.</summary>
    public static PhaseThresholds None(string reason) => new([], reason);

    /// <summary>The phase's criterion for <paramref name="metricKey"/>, or null when the phase does not judge it.</summary>
    public Criterion? For(string metricKey) =>
        Criteria.FirstOrDefault(pass => string.Equals(pass.Metric, metricKey, StringComparison.Ordinal))?.Criterion;
}
