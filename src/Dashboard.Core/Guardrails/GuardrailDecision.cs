namespace Dashboard.Core.Guardrails;

/// <summary>
/// The action one poll calls for, with the rule, the values and the streak that justify it, and
/// <see cref="Reason"/>: the sentence recorded with the action.
/// </summary>
public sealed record GuardrailDecision(
    GuardrailDecisionKind Kind,
    GuardrailObservation Observation,
    GuardrailStreak Streak,
    string Reason,
    int? TrafficPercent = null,
    TimeSpan? Duration = null)
{
    public GuardrailRule Rule => Observation.Rule;
}
