namespace Dashboard.Core.Guardrails;

/// <summary>Which list of the phase a guardrail rule comes from.</summary>
public enum GuardrailKind
{
    /// <summary>One of the phase's auto-rollback triggers: sustained, it rolls the rollout back.</summary>
    RollbackTrigger,

    /// <summary>One of the phase's contingency rules: sustained, it does the rule's softer action.</summary>
    Contingency,
}
