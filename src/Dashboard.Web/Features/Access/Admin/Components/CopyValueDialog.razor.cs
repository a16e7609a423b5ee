using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace Dashboard.Web.Features.Access.Admin.Components;

/// <summary>Shows a new API key's token (once) or a kiosk link's URL and short code, each with a copy button.</summary>
public sealed partial class CopyValueDialog
{
    private CopyableValue? _copied;

    [CascadingParameter]
    public IMudDialogInstance? Dialog { get; set; }

    [Inject]
    public required IJSRuntime Js { get; init; }

    /// <summary>What the value is and what to do with it.</summary>
    [Parameter, EditorRequired]
    public required string Message { get; set; }

    /// <summary>The texts to copy, each with its label and copy button.</summary>
    [Parameter, EditorRequired]
    public required IReadOnlyList<CopyableValue> Values { get; set; }

    /// <summary>The value will not be shown again (a key's token): the message is a warning.</summary>
    [Parameter]
    public bool ShownOnce { get; set; }

    private async Task CopyAsync(CopyableValue value)
    {
        try
        {
            await Js.InvokeVoidAsync("navigator.clipboard.writeText", value.Value);
            _copied = value;
        }
        catch (JSException)
        {
            // A browser without clipboard access (plain http) still shows the value to select by hand.
            _copied = null;
        }
    }

    private void Close() => Dialog?.Close(DialogResult.Ok(true));
}
