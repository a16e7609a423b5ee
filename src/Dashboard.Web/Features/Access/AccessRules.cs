namespace Dashboard.Web.Features.Access;

/// <summary>
/// Which roles may perform each operation (docs/access.md). Stopping the line — hold, roll back — and
/// recording what happened — incidents, decisions, checklist ticks, re-runs — is open to operators and
/// every lead; moving traffic forward is for operators; a sign-off is for the lead it names
/// (<see cref="AccessAuthorization.RequireSignOffAsync"/>); access is for admins; the roster is for operations
/// leads and admins; a handoff is for the leads (and the people on the shift, docs/shifts.md). Automation may do
/// everything but sign off, manage access and hand off; a kiosk and a viewer may do nothing.
/// </summary>
public static class AccessRules
{
    private static readonly WarRoomRole[] OperatorOnly = [WarRoomRole.Operator];
    private static readonly WarRoomRole[] OperatorOrLead = [WarRoomRole.Operator, .. WarRoomRoles.Leads];

    /// <summary>The roles that allow <paramref name="operation"/> (any one is enough); empty when no person may.</summary>
    public static IReadOnlyList<WarRoomRole> RolesFor(Operation operation) => operation switch
    {
        Operation.CreatePlan or Operation.CreateRollout or Operation.Start or Operation.Advance
            or Operation.Resume or Operation.ChangeTraffic or Operation.Abort or Operation.RetryPhase
            or Operation.RequestSignOff or Operation.MarkPassed or Operation.ReconcileTraffic
            or Operation.InjectFault or Operation.VerifyAuditChain or Operation.CheckTrafficDrift => OperatorOnly,
        Operation.Hold or Operation.RollBack or Operation.OpenIncident or Operation.UpdateIncident
            or Operation.ResolveIncident or Operation.RecordDecision or Operation.ReevaluateCheckpoint
            or Operation.TickChecklist => OperatorOrLead,
        Operation.SignOff or Operation.HandOff or Operation.AcknowledgeHandoff => WarRoomRoles.Leads,
        Operation.EditRoster => [WarRoomRole.OperationsLead, WarRoomRole.Admin],
        Operation.ManageAccess => [WarRoomRole.Admin],
        Operation.RecordHealthCheck or Operation.RecordGuardrailFinding => [],
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "Unknown operation."),
    };

    /// <summary>True when <paramref name="actor"/> may perform <paramref name="operation"/>.</summary>
    public static bool Allows(Actor actor, Operation operation)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.Kind switch
        {
            ActorKind.Automation => operation is not (Operation.SignOff or Operation.ManageAccess or Operation.HandOff or Operation.AcknowledgeHandoff),
            ActorKind.Person or ActorKind.ApiKey => RolesFor(operation).Any(actor.Holds),
            _ => false,
        };
    }
}
