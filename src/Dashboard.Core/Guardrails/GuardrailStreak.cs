namespace Dashboard.Core.Guardrails;

/// <summary>
/// How many polls in a row a rule has been breached, when the streak began, and whether its action
/// has already been taken in this streak (actions happen once per streak, not every poll).
/// </summary>
public sealed record GuardrailStreak(string RuleId, int Count, DateTimeOffset? Since, bool ActedOn)
{
    public static GuardrailStreak None(string ruleId) => new(ruleId, 0, null, false);
}
