using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.Web.Shared.Components;

/// <summary>
/// What every confirmation dialog does alike: confirm runs once at a time, the dialog closes with
/// the result when the server accepted, and stays open with the server's words when it did not —
/// a problem with a field beside that field, anything else below the form. A state store that does not answer is
/// said below the form too (<see cref="StateStoreOutage"/>), and the page's circuit lives on. A request the service saved
/// before the store stopped answering (<see cref="OutcomeKind.StoreLostAfterSave"/>) is said the same way, and confirming
/// is off from then on: a second confirm would be a second decision.
/// </summary>
public abstract class ConfirmationDialog : ComponentBase
{
    private static readonly IReadOnlyDictionary<string, string[]> NoProblems = new Dictionary<string, string[]>();

    [CascadingParameter]
    public IMudDialogInstance? Dialog { get; set; }

    /// <summary>What the server said when it refused; shown in the dialog.</summary>
    protected string? Error { get; private set; }

    /// <summary>True while a confirm is under way, and for good once the service saved the request (<see cref="IsSavedThenLost"/>).</summary>
    protected bool IsBusy => _busy || IsSavedThenLost;

    /// <summary>
    /// True once the service answered that the request was saved and audited before the state store stopped answering:
    /// the dialog shows its words and offers only to close.
    /// </summary>
    protected bool IsSavedThenLost { get; private set; }

    private bool _busy;

    /// <summary>True when every field the dialog asks for is filled in and passes its rule.</summary>
    protected abstract bool CanConfirm { get; }

    /// <summary>The request fields (as the service names them) that the dialog shows, each with its server problem beside it.</summary>
    protected virtual IReadOnlySet<string> Fields { get; } = new HashSet<string>();

    /// <summary>The server's problems by field from the last refusal; cleared as soon as the person edits.</summary>
    protected IReadOnlyDictionary<string, string[]> ServerProblems { get; private set; } = NoProblems;

    protected void Cancel() => Dialog?.Cancel();

    /// <summary>What to show beside <paramref name="field"/>: the rule's answer to what is typed now, else what the server said.</summary>
    protected string? ProblemOf(string field, string? typedProblem = null) =>
        typedProblem ?? (ServerProblems.TryGetValue(field, out var problems) ? string.Join("; ", problems) : null);

    /// <summary>Call after any field changes: the server's answer was about the values before.</summary>
    protected void Edited() => ServerProblems = NoProblems;

    /// <summary>Call after <paramref name="field"/> changes: the server's answer about it was about its value before.</summary>
    protected void Edited(string field) => ServerProblems = ServerProblems.Where(p => p.Key != field).ToDictionary();

    /// <summary>Keeps the server's problems by field from a refusal, to show each beside its field.</summary>
    protected void Refused(IReadOnlyDictionary<string, string[]> problems) => ServerProblems = problems;

    /// <summary>
    /// Reads what the dialog shows (on opening, or when a choice changes); when the state store does not answer, the
    /// dialog says so below the form instead of the read ending the circuit, and confirming is refused the same way.
    /// </summary>
    protected async Task ReadAsync(Func<Task> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var refusal = await StateStoreOutage.RefusalOfAsync(read);
        Error = refusal ?? (Error == StateStoreOutage.Refusal ? null : Error);
    }

    /// <param name="submit">Sends the request; returns the dialog's result, or the refusal to show.</param>
    protected async Task ConfirmAsync(Func<Task<(object? Result, string? Refusal)>> submit)
    {
        ArgumentNullException.ThrowIfNull(submit);
        if (!CanConfirm || IsBusy)
        {
            return;
        }

        _busy = true;
        Error = null;
        (object? Result, string? Refusal) answer = default;
        string? unreachable;
        try
        {
            unreachable = await StateStoreOutage.RefusalOfAsync(async () => answer = await submit());
        }
        finally
        {
            _busy = false;
        }

        if ((unreachable ?? answer.Refusal) is { } refusal)
        {
            Error = refusal;
            return;
        }

        Dialog?.Close(DialogResult.Ok(answer.Result ?? true));
    }

    /// <summary>
    /// Sends the request to a service; closes with its value when it was done, shows each problem beside its field
    /// when it was invalid, and the service's words otherwise.
    /// </summary>
    /// <param name="submit">Calls the service.</param>
    /// <param name="failure">What to say when the service gives no words.</param>
    /// <param name="result">What the dialog closes with, from the service's value; the value itself when null.</param>
    protected Task ConfirmAsync<T>(Func<Task<Outcome<T>>> submit, string failure, Func<T, object>? result = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(submit);
        return ConfirmAsync(async () =>
        {
            var outcome = await submit();
            if (outcome is { Kind: OutcomeKind.Created or OutcomeKind.Succeeded, Value: { } value })
            {
                return (result is null ? value : result(value), null);
            }

            if (outcome.Kind == OutcomeKind.StoreLostAfterSave)
            {
                IsSavedThenLost = true;
                return (null, outcome.Detail ?? "Saved and audited, then the state store stopped answering. Do not repeat this.");
            }

            return (null, Refusal(outcome, failure));
        });
    }

    /// <summary>
    /// A refused outcome, told the one way every dialog tells it: each field's problem goes beside its field
    /// (<see cref="ServerProblems"/>), and the dialog's message says "Nothing was saved:" and names in words any
    /// problem about something the dialog has no field for, or the service's own words.
    /// </summary>
    /// <param name="outcome">What the service answered.</param>
    /// <param name="failure">What to say when the service gives no words.</param>
    protected string Refusal<T>(Outcome<T> outcome, string failure)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(outcome);
        Refused(outcome.Problems);
        var elsewhere = outcome.Problems.Where(p => !Fields.Contains(p.Key)).ToList();
        if (elsewhere.Count > 0)
        {
            return "Nothing was saved: " + string.Join(" ", elsewhere.Select(p => $"{Vocabulary.FieldName(p.Key)}: {string.Join("; ", p.Value)}."));
        }

        return outcome.Kind == OutcomeKind.Invalid && outcome.Problems.Count > 0
            ? "Nothing was saved: fix the fields marked in red."
            : outcome.Detail ?? failure;
    }
}
