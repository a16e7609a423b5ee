using Dashboard.Web.Shared;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.Access.Admin.Components;

/// <summary>Replaces a person's roles; the server refuses to take Admin from the last enabled admin, and the dialog says so.</summary>
public sealed partial class EditRolesDialog : AdminDialog
{
    private IReadOnlySet<WarRoomRole> _roles = new HashSet<WarRoomRole>();

    /// <summary>The person whose roles change.</summary>
    [Parameter, EditorRequired]
    public required PersonView Person { get; set; }

    protected override bool CanConfirm => true;

    protected override void OnInitialized() => _roles = AdminFormat.RoleSet(Person.Roles);

    private Task SaveAsync() => ConfirmAsync(async () =>
    {
        var outcome = await Admin.SetRolesAsync(Person.Id, new SetRolesRequest([.. _roles.Select(role => role.ToString())]), await CurrentActor.GetAsync());
        return outcome is { Kind: OutcomeKind.Succeeded, Value: { } person }
            ? (person, null)
            : (null, AdminFormat.Refusal(outcome, "The roles could not be changed."));
    });
}
