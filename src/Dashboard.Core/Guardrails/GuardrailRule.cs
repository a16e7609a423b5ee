using Dashboard.Core.Plans;

namespace Dashboard.Core.Guardrails;

/// <summary>
/// One thing the guardrails watch in a phase: an auto-rollback trigger (one condition) or a
/// contingency rule (all conditions, with its action). <see cref="Id"/> is stable for the phase
/// ("trigger:0", "contingency:1") so a streak can be kept per rule across polls.
/// </summary>
public sealed record GuardrailRule(string Id, GuardrailKind Kind, IReadOnlyList<MetricCondition> When, ContingencyAction? Then)
{
    /// <summary>The phase's triggers in plan order, then its contingency rules in plan order.</summary>
    public static IReadOnlyList<GuardrailRule> Of(PlanPhase phase)
    {
        ArgumentNullException.ThrowIfNull(phase);
        return
        [
            .. phase.AutoRollbackTriggers.Select((trigger, i) => new GuardrailRule($"trigger:{i}", GuardrailKind.RollbackTrigger, [trigger], null)),
            .. phase.ContingencyRules.Select((rule, i) => new GuardrailRule($"contingency:{i}", GuardrailKind.Contingency, rule.When, rule.Then)),
        ];
    }

    /// <summary>The conditions as people read them, e.g. "Error rate &gt; 1.5 %".</summary>
    public string Describe() => string.Join(" and ", When.Select(condition => condition.ToString()));
}
