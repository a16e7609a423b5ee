namespace Dashboard.Web.Features.ShiftReview;

/// <summary>What a timeline entry is about; <see cref="TimelineWords.Kind"/> names each in words.</summary>
public enum TimelineKind
{
    /// <summary>A traffic change requested, confirmed by the router, or failed.</summary>
    TrafficChange,

    /// <summary>A rollout created, started, held, resumed, retried, passed, advanced, completed, aborted or rolled back by a person.</summary>
    PhaseTransition,

    /// <summary>A checkpoint evaluated or re-evaluated (a WARN is a near-miss).</summary>
    CheckpointVerdict,

    /// <summary>A guardrail rolled back, reduced traffic or recorded a contingency.</summary>
    GuardrailAction,

    /// <summary>A sign-off requested or recorded, or a checkpoint decision with its action items.</summary>
    SignOff,

    /// <summary>An incident opened, updated or resolved.</summary>
    Incident,

    /// <summary>A health check that did not pass, and its recovery.</summary>
    HealthCheck,

    /// <summary>The router's split drifted from the recorded weight and was reconciled.</summary>
    RouterAlert,

    /// <summary>A near-miss: a guardrail breach streak that reached 1 or 2 of 3 polls without acting.</summary>
    GuardrailStreak,

    /// <summary>A near-miss: a period when the guardrails had no data, with its length.</summary>
    GuardrailBlind,

    /// <summary>An executive summary written at a milestone (docs/summaries.md), linked to its page.</summary>
    ExecutiveSummary,
}
