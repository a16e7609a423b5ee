using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.Access.Admin.Components;

/// <summary>One checkbox per grantable role.</summary>
public sealed partial class RoleChoices
{
    /// <summary>The roles offered, in order (Viewer is never offered: it needs no grant).</summary>
    [Parameter, EditorRequired]
    public required IReadOnlyList<WarRoomRole> Choices { get; set; }

    /// <summary>The roles ticked.</summary>
    [Parameter, EditorRequired]
    public required IReadOnlySet<WarRoomRole> Selected { get; set; }

    /// <summary>What is wrong with the roles (the server's words), shown under the boxes; null when nothing is.</summary>
    [Parameter]
    public string? Problem { get; set; }

    /// <summary>Raised with the new set whenever a box is ticked or cleared.</summary>
    [Parameter]
    public EventCallback<IReadOnlySet<WarRoomRole>> SelectedChanged { get; set; }

    /// <summary>Every role a person may be granted.</summary>
    public static IReadOnlyList<WarRoomRole> ForPeople { get; } = [.. WarRoomRoles.All.Where(role => role != WarRoomRole.Viewer)];

    /// <summary>Every role an API key may hold: not Admin, since only people manage access.</summary>
    public static IReadOnlyList<WarRoomRole> ForApiKeys { get; } = [.. ForPeople.Where(role => role != WarRoomRole.Admin)];

    private Task ToggleAsync(WarRoomRole role, bool ticked)
    {
        var roles = Selected.ToHashSet();
        if (ticked)
        {
            roles.Add(role);
        }
        else
        {
            roles.Remove(role);
        }

        return SelectedChanged.InvokeAsync(roles);
    }
}
