using Dashboard.Web.Features.Rollouts;

namespace Dashboard.Web.Features.Access;

/// <summary>
/// Which roles may perform each operation (docs/access.md). Stopping the line — hold, roll back — and
/// recording what happened — incidents, decisions, checklist ticks, re-runs — is open to operators and
/// every lead; moving traffic forward is for operators; a sign-off is for the lead it names
/// (<see cref="RolloutAuthorization.RequireSignOffAsync"/>); access is for admins. Automation may do
/// everything but sign off and manage access; a kiosk and a viewer may do nothing.
/// </summary>
public static class AccessRules
{
    private static readonly WarRoomRole[] OperatorOnly = [WarRoomRole.Operator];
    private static readonly WarRoomRole[] OperatorOrLead = [WarRoomRole.Operator, .. WarRoomRoles.Leads];

    /// <summary>The roles that allow <paramref name="operation"/> (any one is enough); empty when no person may.</summary>
    public static IReadOnlyList<WarRoomRole> RolesFor(RolloutOperation operation) => operation switch
    {
        RolloutOperation.CreatePlan or RolloutOperation.CreateRollout or RolloutOperation.Start or RolloutOperation.Advance
            or RolloutOperation.Resume or RolloutOperation.ChangeTraffic or RolloutOperation.Abort or RolloutOperation.RetryPhase
            or RolloutOperation.RequestSignOff or RolloutOperation.MarkPassed or RolloutOperation.ReconcileTraffic
            or RolloutOperation.InjectFault => OperatorOnly,
        RolloutOperation.Hold or RolloutOperation.RollBack or RolloutOperation.OpenIncident or RolloutOperation.UpdateIncident
            or RolloutOperation.ResolveIncident or RolloutOperation.RecordDecision or RolloutOperation.ReevaluateCheckpoint
            or RolloutOperation.TickChecklist => OperatorOrLead,
        RolloutOperation.SignOff => WarRoomRoles.Leads,
        RolloutOperation.ManageAccess => [WarRoomRole.Admin],
        RolloutOperation.RecordHealthCheck or RolloutOperation.RecordGuardrailFinding => [],
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "Unknown operation."),
    };

    /// <summary>True when <paramref name="actor"/> may perform <paramref name="operation"/>.</summary>
    public static bool Allows(Actor actor, RolloutOperation operation)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.Kind switch
        {
            ActorKind.Automation => operation is not (RolloutOperation.SignOff or RolloutOperation.ManageAccess),
            ActorKind.Person or ActorKind.ApiKey => RolesFor(operation).Any(actor.Holds),
            _ => false,
        };
    }
}
