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

        await ChangedBeforeShowingOnceAsync();
        await ShowUrlAsync(issued);
    }

    private async Task ShowLinkAsync(KioskLinkView link)
    {
        (var outcome, Error) = await StateStoreOutage.ValueOrRefusalAsync(async () => await Admin.GetKioskLinkPathAsync(link.Id, await CurrentActor.GetAsync()));
        if (outcome is null)
        {
            return;
        }

        if (outcome is { Kind: OutcomeKind.Succeeded, Value: { } issued })
        {
            await ShowUrlAsync(issued);
            return;
        }

        Error = AdminFormat.Refusal(outcome, "The link could not be read.");
        await Changed.InvokeAsync();
    }

    private Task ShowUrlAsync(IssuedKioskLink issued)
    {
        var site = Navigation.BaseUri.TrimEnd('/');
        List<CopyableValue> values = [new("Link", site + issued.Path, "admin-kiosk-url")];
        if (issued.ShortPath is { } shortPath)
        {
            values.Add(new("Short link, to type on a TV (case and dash do not matter)", site + shortPath, "admin-kiosk-short-url"));
        }

        // Only the short code's hash is stored, so it can be shown only now, when the link is made.
        var message = "Open the link on the war-room screen. Anyone with it sees /warroom until the link expires or is revoked; revoking ends the short link too."
            + (issued.ShortPath is null ? " The short link was shown only when the link was made: for a new one, create a new link." : " Note the short link now: it is not shown again.");
        return Dialogs.ShowValuesAsync($"Kiosk link '{issued.Link.Name}'", message, values, shownOnce: issued.ShortPath is not null);
    }

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
