using Dashboard.Web.Shared;
using MudBlazor;

namespace Dashboard.Web.Features.Access.Admin.Components;

/// <summary>How the admin tabs open their dialogs alike.</summary>
internal static class AdminDialogs
{
    public static DialogOptions Options { get; } = new() { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true, BackdropClick = false };

    /// <summary>Opens <typeparamref name="TDialog"/>; the value it closed with, or null when cancelled.</summary>
    public static async Task<TResult?> ShowAsync<TDialog, TResult>(this IDialogService dialogs, string title, DialogParameters<TDialog>? parameters = null)
        where TDialog : Microsoft.AspNetCore.Components.ComponentBase
        where TResult : class
    {
        var dialog = await dialogs.ShowAsync<TDialog>(title, parameters ?? [], Options);
        return await dialog.Result is { Canceled: false, Data: TResult result } ? result : null;
    }

    /// <summary>Asks "are you sure?" and runs <paramref name="change"/> on confirm; true when it was made.</summary>
    public static async Task<bool> ConfirmAsync<T>(
        this IDialogService dialogs, string title, string message, string confirmLabel, bool danger, Func<Task<Outcome<T>>> change)
        where T : class
    {
        var parameters = new DialogParameters<ConfirmAccessDialog>
        {
            { d => d.Message, message },
            { d => d.ConfirmLabel, confirmLabel },
            { d => d.Danger, danger },
            {
                d => d.Submit, async () =>
                {
                    var outcome = await change();
                    return outcome.Kind is OutcomeKind.Succeeded or OutcomeKind.Created ? null : AdminFormat.Refusal(outcome, "The change was refused.");
                }
            },
        };
        var dialog = await dialogs.ShowAsync<ConfirmAccessDialog>(title, parameters, Options);
        return await dialog.Result is { Canceled: false };
    }

    /// <summary>Shows <paramref name="values"/>, each with a copy button.</summary>
    public static async Task ShowValuesAsync(this IDialogService dialogs, string title, string message, IReadOnlyList<CopyableValue> values, bool shownOnce)
    {
        var parameters = new DialogParameters<CopyValueDialog>
        {
            { d => d.Message, message },
            { d => d.Values, values },
            { d => d.ShownOnce, shownOnce },
        };
        var dialog = await dialogs.ShowAsync<CopyValueDialog>(title, parameters, Options);
        await dialog.Result;
    }
}
