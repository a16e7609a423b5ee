using Dashboard.Web.Shared;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.Access.Admin.Components;

/// <summary>The kiosk links table: create (shows the full URL), a fresh copy of a live link's URL, revoke.</summary>
public sealed partial class KioskLinksTab : AdminTab
{
    [Inject]
    public required NavigationManager Navigation { get; init; }

    /// <summary>Every link, newest first, as the page loaded them.</summary>
    [Parameter, EditorRequired]
    public required IReadOnlyList<KioskLinkView> Links { get; set; }

    /// <summary>Why a link's URL could not be fetched (revoked meanwhile, say).</summary>
    private string? Error { get; set; }

    private async Task CreateAsync()
    {
        if (await Dialogs.ShowAsync<CreateKioskLinkDialog, IssuedKioskLink>("New kiosk link") is not { } issued)
        {
            return;
        }

        await Changed.InvokeAsync();
        await ShowUrlAsync(issued);
    }

    private async Task ShowLinkAsync(KioskLinkView link)
    {
        Error = null;
        var outcome = await Admin.GetKioskLinkPathAsync(link.Id, await CurrentActor.GetAsync());
        if (outcome is { Kind: OutcomeKind.Succeeded, Value: { } issued })
        {
            await ShowUrlAsync(issued);
            return;
        }

        Error = AdminFormat.Refusal(outcome, "The link could not be read.");
        await Changed.InvokeAsync();
    }

    private Task ShowUrlAsync(IssuedKioskLink issued) => Dialogs.ShowValueAsync(
        $"Kiosk link '{issued.Link.Name}'",
        "Open this URL on the war-room screen. Anyone with it sees /warroom until the link expires or is revoked.",
        Navigation.BaseUri.TrimEnd('/') + issued.Path, "admin-kiosk-url", shownOnce: false);

    private async Task RevokeAsync(KioskLinkView link)
    {
        if (await Dialogs.ConfirmAsync(
            $"Revoke '{link.Name}'?", $"Every screen showing the link '{link.Name}' loses it, and every copy of its URL stops working.", "Revoke", danger: true,
            async () => await Admin.RevokeKioskLinkAsync(link.Id, await CurrentActor.GetAsync())))
        {
            await Changed.InvokeAsync();
        }
    }
}
