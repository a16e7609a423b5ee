namespace Dashboard.Core.Guardrails;

/// <summary>What a sustained breach asks for.</summary>
public enum GuardrailDecisionKind
{
    /// <summary>An auto-rollback trigger: the candidate leaves traffic (0 %) and the phase is rolled back.</summary>
    RollBack,

    /// <summary>A contingency rule: lower the canary weight to <see cref="GuardrailDecision.TrafficPercent"/>.</summary>
    ReduceTraffic,

    /// <summary>A contingency rule: watch closely for <see cref="GuardrailDecision.Duration"/>; recorded in the audit log.</summary>
    MonitorClosely,

    /// <summary>A contingency rule: record the anomaly in the audit log.</summary>
    Log,
}
