namespace Dashboard.Web.Features.Access;

/// <summary>
/// What a person (or an API key) may do in the war room. A person can hold several; Viewer is implied by
/// signing in and needs no grant. The four leads are the runbooks' sign-off roles.
/// </summary>
public enum WarRoomRole
{
    /// <summary>Reads everything, changes nothing.</summary>
    Viewer,

    /// <summary>Runs rollouts: creates, starts, changes traffic, holds, resumes, advances, rolls back.</summary>
    Operator,

    EngineeringLead,
    OperationsLead,
    ProductLead,
    FinanceLead,

    /// <summary>Manages people, roles, API keys and kiosk links. Grants nothing else by itself.</summary>
    Admin,
}
