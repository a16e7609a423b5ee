namespace Dashboard.Web.Features.Rollouts;

/// <summary>Everything <see cref="RolloutAuthorization"/> is asked about: one value per thing a person (or automation) may be allowed to do.</summary>
public enum RolloutOperation
{
    CreatePlan,
    CreateRollout,
    Start,
    Advance,
    Hold,
    Resume,
    ChangeTraffic,
    RollBack,
    Abort,
    RetryPhase,
    RequestSignOff,
    MarkPassed,
    ReconcileTraffic,
    OpenIncident,
    UpdateIncident,
    ResolveIncident,
    RecordHealthCheck,
    RecordDecision,
    ReevaluateCheckpoint,

    /// <summary>A guardrail records a sustained contingency (monitor closely, log) in the audit log.</summary>
    RecordGuardrailFinding,
}
