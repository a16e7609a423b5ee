namespace Dashboard.Web.Features.Access;

/// <summary>Everything <see cref="AccessAuthorization"/> is asked about: one value per thing a person (or automation) may be allowed to do.</summary>
public enum Operation
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

    /// <summary>GO or NO-GO at a gate; also needs the lead role it signs for.</summary>
    SignOff,

    /// <summary>Tick or un-tick an item of a gate's checklist.</summary>
    TickChecklist,

    /// <summary>Inject or clear a fault in the demo simulator.</summary>
    InjectFault,

    /// <summary>People, roles, API keys and kiosk links.</summary>
    ManageAccess,

    /// <summary>Change the shift roster: defaults and one-off overrides (docs/shifts.md).</summary>
    EditRoster,

    /// <summary>Write and hand off a shift's handoff; people on that shift may too.</summary>
    HandOff,

    /// <summary>Acknowledge a handoff ("I have it"); people on the incoming shift may too.</summary>
    AcknowledgeHandoff,

    /// <summary>Re-hash the whole audit chain: costly, so for operators (docs/security.md).</summary>
    VerifyAuditChain,

    /// <summary>Read the router's split now (opens the HAProxy socket): for operators (docs/security.md).</summary>
    CheckTrafficDrift,
}
