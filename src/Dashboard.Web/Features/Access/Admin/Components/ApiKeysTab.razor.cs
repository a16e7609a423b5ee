using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.Access.Admin.Components;

/// <summary>The API keys table: create (the token is shown once, then never again) and revoke.</summary>
public sealed partial class ApiKeysTab : AdminTab
{
    /// <summary>Every key, newest first, as the page loaded them.</summary>
    [Parameter, EditorRequired]
    public required IReadOnlyList<ApiKeyView> Keys { get; set; }

    private async Task CreateAsync()
    {
        if (await Dialogs.ShowAsync<CreateApiKeyDialog, CreatedApiKey>("New API key") is not { } created)
        {
            return;
        }

        await ChangedBeforeShowingOnceAsync();
        // The token lives only in this dialog: nothing keeps it once it closes.
        await Dialogs.ShowValuesAsync(
            $"API key '{created.Key.Name}'",
            "Copy the key now: it will not be shown again. Only its hash is stored; a lost key is revoked and replaced.",
            [new CopyableValue("Key", created.Token, "admin-key-token")], shownOnce: true);
    }

    private async Task RevokeAsync(ApiKeyView key)
    {
        if (await Dialogs.ConfirmAsync(
            $"Revoke '{key.Name}'?", $"Anything calling with the key {ApiKeyTokens.Marker}{key.Prefix}_… is refused from now on.", "Revoke", danger: true,
            async () => await Admin.RevokeApiKeyAsync(key.Id, await CurrentActor.GetAsync())))
        {
            await Changed.InvokeAsync();
        }
    }
}
