using Dashboard.Core.Guardrails;

namespace Dashboard.Web.Features.Guardrails;

/// <summary>One rule at the latest poll, e.g. "Error rate &gt; 1.5 %": Breached, 2 of 3 polls, errorRatePct = 1.9.</summary>
/// <param name="RuleId">"trigger:0", "contingency:1" …, stable within the phase.</param>
/// <param name="Kind">An auto-rollback trigger or a contingency.</param>
/// <param name="Condition">The conditions as people read them, e.g. "Error rate &gt; 1.5 %".</param>
/// <param name="Action">What the rule does, in words: "roll back", "reduce traffic to 50 %", "monitor closely for 2h", "log".</param>
/// <param name="Reading">What the latest poll read: breached, clean, no data, not applicable, or not enough evidence yet.</param>
/// <param name="Streak">Consecutive breached polls.</param>
/// <param name="Required">Polls needed to act.</param>
/// <param name="StreakSince">When the streak began.</param>
/// <param name="Values">The live values by metric key over the guardrail window (null: no data).</param>
/// <param name="Blocked">Why the rule, its condition held long enough, does not act: the phase's state forbids a
/// traffic change, the weight is already at or below the rule's, or the application service refused (its words); null otherwise.</param>
/// <param name="Evidence">For a rule judged by the sequential test, the evidence behind each of its conditions; null for a rule
/// judged on the window's values (revenue, resources …), which keeps its streak of <see cref="Required"/> polls.</param>
public sealed record GuardrailRuleStatus(
    string RuleId,
    GuardrailKind Kind,
    string Condition,
    string Action,
    GuardrailReading Reading,
    int Streak,
    int Required,
    DateTimeOffset? StreakSince,
    IReadOnlyDictionary<string, double?> Values,
    string? Blocked = null,
    IReadOnlyList<GuardrailEvidence>? Evidence = null);
