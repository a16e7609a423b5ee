using Dashboard.Web.Shared;
using Microsoft.AspNetCore.Components;
using static Dashboard.Web.Features.Access.Admin.AccessAdminFields;

namespace Dashboard.Web.Features.Access.Admin.Components;

/// <summary>
/// Replaces a person's roles. Any set of the offered boxes is valid (none leaves Viewer), so Save is disabled only
/// while the server's problem with the roles stands; taking Admin from the last enabled admin is refused and said so.
/// </summary>
public sealed partial class EditRolesDialog : AdminDialog
{
    private static readonly HashSet<string> FieldNames = [RolesField];
    private IReadOnlySet<WarRoomRole> _roles = new HashSet<WarRoomRole>();

    /// <summary>The person whose roles change.</summary>
    [Parameter, EditorRequired]
    public required PersonView Person { get; set; }

    protected override IReadOnlySet<string> Fields => FieldNames;

    protected override bool CanConfirm => RolesError is null;

    private string? RolesError => ProblemBeside(RolesField, null, null);

    protected override void OnInitialized() => _roles = AdminFormat.RoleSet(Person.Roles);

    private Task SaveAsync() => SubmitAsync(
        actor => Admin.SetRolesAsync(Person.Id, new SetRolesRequest([.. _roles.Select(role => role.ToString())]), actor),
        OutcomeKind.Succeeded, "The roles could not be changed.");
}
