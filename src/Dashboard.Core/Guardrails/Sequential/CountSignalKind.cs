namespace Dashboard.Core.Guardrails.Sequential;

/// <summary>The three count ratios every guardrail signal reduces to.</summary>
public enum CountSignalKind
{
    /// <summary>Errors / requests.</summary>
    Errors,

    /// <summary>Requests above a latency histogram bucket's bound / requests.</summary>
    SlowRequests,

    /// <summary>Failed probes / probes.</summary>
    FailedProbes,
}
