using Dashboard.Web.Shared.Components;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.Access.Admin.Components;

/// <summary>A confirmation dialog that changes access through <see cref="AccessAdminService"/> as the signed-in person.</summary>
public abstract class AdminDialog : ConfirmationDialog
{
    [Inject]
    public required AccessAdminService Admin { get; init; }

    [Inject]
    public required CurrentActor CurrentActor { get; init; }
}
