using Dashboard.Core.Plans;

namespace Dashboard.Core.Guardrails.Sequential;

/// <summary>
/// Every count-ratio rule's verdict after one interval, and the conditions the judge cannot read
/// as count ratios (<see cref="Unjudged"/>, left to the value-based rules).
/// </summary>
public sealed record SequentialJudgement(IReadOnlyList<SequentialRuleVerdict> Rules, IReadOnlyList<MetricCondition> Unjudged)
{
    /// <summary>True when some rule is proven to regress.</summary>
    public bool AnyRegressing => Rules.Any(rule => rule.State == SequentialState.Regressing);
}
