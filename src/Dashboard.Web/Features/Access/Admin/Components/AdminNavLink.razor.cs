using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.Access.Admin.Components;

/// <summary>The app bar's "Admin" link, shown to admins only (a courtesy: the admin service decides).</summary>
public sealed partial class AdminNavLink
{
    private bool _isAdmin;

    [Inject]
    public required CurrentActor CurrentActor { get; init; }

    protected override async Task OnInitializedAsync() =>
        _isAdmin = AccessRules.Allows(await CurrentActor.GetAsync(), Operation.ManageAccess);
}
