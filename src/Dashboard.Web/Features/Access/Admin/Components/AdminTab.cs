using Dashboard.Web.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.Web.Features.Access.Admin.Components;

/// <summary>What the admin page's tabs share: the service that decides, who is asking, dialogs, and telling the page to reload.</summary>
public abstract class AdminTab : ComponentBase
{
    [Inject]
    public required AccessAdminService Admin { get; init; }

    [Inject]
    public required CurrentActor CurrentActor { get; init; }

    [Inject]
    public required IDialogService Dialogs { get; init; }

    /// <summary>Raised after a change was stored, so the page reloads what the tab lists.</summary>
    [Parameter]
    public EventCallback Changed { get; set; }

    /// <summary>
    /// Raises <see cref="Changed"/> before showing a value the person sees only once (a key's token, a link's short code):
    /// a state store that stops answering just after the change leaves the list as it was — the banner on every page says
    /// why — rather than losing the value that was already made.
    /// </summary>
    protected async Task ChangedBeforeShowingOnceAsync() => _ = await StateStoreOutage.RefusalOfAsync(() => Changed.InvokeAsync());
}
