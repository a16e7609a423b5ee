using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.Guardrails.Components;

/// <summary>
/// What the guardrails decided, at their latest poll, about one rule of a rollout's running phase: the one truth the
/// rollout page's trigger rows show (the live snapshot beside it is context only). A rule the guardrails do not judge
/// now — before their first poll, or while the phase is not watched — says so, neither green nor red.
/// </summary>
public sealed partial class GuardrailTriggerDecision
{
    [Parameter, EditorRequired]
    public Guid RolloutId { get; set; }

    /// <summary>The phase the row belongs to; a status of another phase (the poll before a phase change) is not shown as this one's.</summary>
    [Parameter, EditorRequired]
    public required string Phase { get; set; }

    /// <summary>The rule's id, e.g. "trigger:0" for the phase's first auto-rollback trigger.</summary>
    [Parameter, EditorRequired]
    public required string RuleId { get; set; }

    private RolloutGuardrails? Rollout => Status.Rollouts.FirstOrDefault(r => r.RolloutId == RolloutId && r.Phase == Phase);

    private GuardrailRuleStatus? Rule => Rollout?.Rules.FirstOrDefault(r => r.RuleId == RuleId);

    private string NotJudgedWhy => Status.LastPollAt is null ? "the guardrails have not polled yet" : "the guardrails do not watch this phase now";
}
