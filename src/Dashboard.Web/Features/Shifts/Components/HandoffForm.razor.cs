using Dashboard.Infrastructure.Persistence.Shifts;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Shared;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.Shifts.Components;

/// <summary>
/// The handoff record of a shift: the outgoing shift (or a lead) writes notes and risks to watch and hands off; the
/// incoming shift (or a lead) says "I have it", optionally with a question. Everyone signed in reads it. The buttons
/// show only for who may use them; <see cref="HandoffService"/> checks again.
/// </summary>
public sealed partial class HandoffForm
{
    private HandoffPermissions _may = new(false, false);
    private string? _notes;
    private string? _risks;
    private string? _question;
    private bool _tried;
    private bool _busy;
    private string? _error;
    private IReadOnlyDictionary<string, string[]> _serverProblems = new Dictionary<string, string[]>();

    [Inject]
    public required HandoffService Handoffs { get; init; }

    [Inject]
    public required CurrentActor CurrentActor { get; init; }

    /// <summary>The shift whose handoff this is (the outgoing one).</summary>
    [Parameter, EditorRequired]
    public required ShiftView Shift { get; set; }

    /// <summary>Text that pre-fills "risks to watch" while it is empty, e.g. drafted from what the shift saw.</summary>
    [Parameter]
    public string? Draft { get; set; }

    /// <summary>Called with the shift as saved after a handoff or an acknowledgement.</summary>
    [Parameter]
    public EventCallback<ShiftView> Saved { get; set; }

    private string? NotesProblem => Problem("notes", HandoffService.Problems(new(_notes, _risks)));

    private string? RisksProblem => Problem("risks", HandoffService.Problems(new(_notes, _risks)));

    private string? QuestionProblem =>
        _serverProblems.GetValueOrDefault("question")?.FirstOrDefault()
        ?? (_question?.Trim().Length > ShiftRecordLimits.QuestionLength ? $"must be at most {ShiftRecordLimits.QuestionLength} characters" : null);

    protected override async Task OnParametersSetAsync()
    {
        if (string.IsNullOrWhiteSpace(_risks) && !string.IsNullOrWhiteSpace(Draft))
        {
            _risks = Draft;
        }

        _may = await Handoffs.PermissionsAsync(Shift.Window, await CurrentActor.GetAsync());
    }

    private Task HandOffAsync()
    {
        _tried = true;
        return HandoffService.Problems(new(_notes, _risks)).Count > 0
            ? Task.CompletedTask
            : RunAsync(async actor => await Handoffs.HandOffAsync(Shift.Id, new HandoffRequest(_notes, _risks), actor));
    }

    private Task AcknowledgeAsync() =>
        QuestionProblem is not null ? Task.CompletedTask : RunAsync(async actor => await Handoffs.AcknowledgeAsync(Shift.Id, new AcknowledgeRequest(_question), actor));

    private async Task RunAsync(Func<Actor, Task<Outcome<ShiftView>>> action)
    {
        _busy = true;
        _error = null;
        try
        {
            // A store that does not answer refuses it here, beside the form: what was typed stays for another try.
            (var outcome, _error) = await StateStoreOutage.ValueOrRefusalAsync(async () => await action(await CurrentActor.GetAsync()));
            if (outcome is null)
            {
                return;
            }

            _serverProblems = outcome.Problems;
            if (outcome.Kind == OutcomeKind.Succeeded && outcome.Value is { } saved)
            {
                Shift = saved;
                await Saved.InvokeAsync(saved);
            }
            else if (outcome.Kind != OutcomeKind.Invalid)
            {
                _error = outcome.Detail;
            }
        }
        finally
        {
            _busy = false;
        }
    }

    // A field shows its problem once the person tried to hand off (an empty form is not an error yet), or when the server named it.
    private string? Problem(string field, Dictionary<string, string[]> local) =>
        _serverProblems.GetValueOrDefault(field)?.FirstOrDefault() ?? (_tried ? local.GetValueOrDefault(field)?.FirstOrDefault() : null);
}
