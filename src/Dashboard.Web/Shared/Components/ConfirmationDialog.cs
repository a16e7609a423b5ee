using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.Web.Shared.Components;

/// <summary>
/// What every confirmation dialog does alike: confirm runs once at a time, the dialog closes with
/// the result when the server accepted, and stays open with the server's words when it did not.
/// </summary>
public abstract class ConfirmationDialog : ComponentBase
{
    [CascadingParameter]
    public IMudDialogInstance? Dialog { get; set; }

    /// <summary>What the server said when it refused; shown in the dialog.</summary>
    protected string? Error { get; private set; }

    protected bool IsBusy { get; private set; }

    /// <summary>True when every field the dialog asks for is filled in.</summary>
    protected abstract bool CanConfirm { get; }

    protected void Cancel() => Dialog?.Cancel();

    /// <param name="submit">Sends the request; returns the dialog's result, or the refusal to show.</param>
    protected async Task ConfirmAsync(Func<Task<(object? Result, string? Refusal)>> submit)
    {
        ArgumentNullException.ThrowIfNull(submit);
        if (!CanConfirm || IsBusy)
        {
            return;
        }

        IsBusy = true;
        Error = null;
        (object? Result, string? Refusal) answer;
        try
        {
            answer = await submit();
        }
        finally
        {
            IsBusy = false;
        }

        if (answer.Refusal is { } refusal)
        {
            Error = refusal;
            return;
        }

        Dialog?.Close(DialogResult.Ok(answer.Result ?? true));
    }
}
