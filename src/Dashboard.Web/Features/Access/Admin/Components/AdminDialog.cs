using Dashboard.Web.Shared;
using Dashboard.Web.Shared.Components;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.Access.Admin.Components;

/// <summary>
/// A form dialog that changes access through <see cref="AccessAdminService"/> as the signed-in person. Each field's
/// problem is shown beside the field (the form's own check as it is typed, the same rules the server applies, else
/// what the server answered for that field), and Submit stays disabled while any field is invalid.
/// </summary>
public abstract class AdminDialog : ConfirmationDialog
{
    [Inject]
    public required AccessAdminService Admin { get; init; }

    [Inject]
    public required CurrentActor CurrentActor { get; init; }

    /// <summary>The request fields (their API names) this dialog shows beside an input.</summary>
    protected abstract override IReadOnlySet<string> Fields { get; }

    /// <summary>
    /// What to show beside <paramref name="field"/>: <paramref name="typedProblem"/> when the field was typed in
    /// (a field left untouched is not yet wrong), else the server's last answer for it.
    /// </summary>
    protected string? ProblemBeside(string field, string? value, string? typedProblem) =>
        ProblemOf(field, value is null ? null : typedProblem);

    /// <summary>Stores what was typed or ticked in <paramref name="field"/>: the server's answer about the old value no longer applies.</summary>
    protected void Set<T>(ref T field, T value, string name)
    {
        field = value;
        Edited(name);
    }

    /// <summary>Sends the request; closes with its value on <paramref name="success"/>, else keeps each field's problem beside it.</summary>
    protected Task SubmitAsync<T>(Func<Actor, Task<Outcome<T>>> send, OutcomeKind success, string fallback)
        where T : class =>
        ConfirmAsync(async () =>
        {
            var outcome = await send(await CurrentActor.GetAsync());
            if (outcome.Kind == success)
            {
                return (outcome.Value, null);
            }

            return (null, Refusal(outcome, fallback));
        });
}
