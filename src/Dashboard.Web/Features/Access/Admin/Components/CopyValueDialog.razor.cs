using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace Dashboard.Web.Features.Access.Admin.Components;

/// <summary>Shows a new API key's token (once) or a kiosk link's URL, with a copy button.</summary>
public sealed partial class CopyValueDialog
{
    private bool _copied;

    [CascadingParameter]
    public IMudDialogInstance? Dialog { get; set; }

    [Inject]
    public required IJSRuntime Js { get; init; }

    /// <summary>What the value is and what to do with it.</summary>
    [Parameter, EditorRequired]
    public required string Message { get; set; }

    /// <summary>The text to copy.</summary>
    [Parameter, EditorRequired]
    public required string Value { get; set; }

    /// <summary>The value element's <c>data-testid</c>.</summary>
    [Parameter, EditorRequired]
    public required string ValueTestId { get; set; }

    /// <summary>The value will not be shown again (a key's token): the message is a warning.</summary>
    [Parameter]
    public bool ShownOnce { get; set; }

    private async Task CopyAsync()
    {
        try
        {
            await Js.InvokeVoidAsync("navigator.clipboard.writeText", Value);
            _copied = true;
        }
        catch (JSException)
        {
            // A browser without clipboard access (plain http) still shows the value to select by hand.
            _copied = false;
        }
    }

    private void Close() => Dialog?.Close(DialogResult.Ok(true));
}
