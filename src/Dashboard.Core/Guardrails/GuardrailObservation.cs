using Dashboard.Core.Guardrails.Sequential;

namespace Dashboard.Core.Guardrails;

/// <summary>
/// One rule at one poll: its reading and the values it was judged on (null: no data). A rule whose every
/// condition is a count ratio is judged by the sequential test and carries its <paramref name="Evidence"/>
/// (one per condition); such a rule acts on the first poll its test proves a regression, since the test
/// controls its own false alarms. A rule judged on values (null evidence) needs a streak of polls.
/// </summary>
public sealed record GuardrailObservation(
    GuardrailRule Rule, GuardrailReading Reading, IReadOnlyDictionary<string, double?> Values, IReadOnlyList<ConditionEvidence>? Evidence = null)
{
    /// <summary>Breached polls in a row this rule needs before it acts: 1 when the sequential test judges it.</summary>
    public int RequiredPolls(int consecutiveBreaches) => Evidence is null ? consecutiveBreaches : 1;
}
