using Dashboard.Core.Checkpoints;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Shared;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.Checkpoints.Components;

/// <summary>
/// The decision form of a checkpoint page: decision (preset to the suggestion), notes and action items,
/// recorded as the signed-in person. Checks what is typed with <see cref="CheckpointDecisionService.Validate"/>,
/// the rule the REST API applies again, and says beside each field what is wrong; Record stays disabled
/// until nothing is. Tells the page only after the decision is stored.
/// </summary>
public sealed partial class DecisionForm
{
    private static readonly IReadOnlyDictionary<string, string[]> NoProblems = new Dictionary<string, string[]>();

    private readonly List<ItemInput> _items = [];
    private IReadOnlyDictionary<string, string[]> _serverProblems = NoProblems;
    private string? _refusal;
    private CheckpointDecision _decision;
    private string? _notes;
    private bool _busy;

    [Inject]
    private CurrentActor CurrentActor { get; set; } = null!;

    [Inject]
    public required CheckpointDecisionService Decisions { get; init; }

    [Inject]
    public required TimeProvider TimeProvider { get; init; }

    [Parameter, EditorRequired]
    public Guid RolloutId { get; set; }

    [Parameter, EditorRequired]
    public int PhaseIndex { get; set; }

    /// <summary>The plan offset of the checkpoint, in seconds.</summary>
    [Parameter, EditorRequired]
    public long OffsetSeconds { get; set; }

    /// <summary>The rubric's suggestion; the form starts on it.</summary>
    [Parameter]
    public CheckpointDecision Suggested { get; set; }

    /// <summary>Raised after a decision was stored.</summary>
    [Parameter]
    public EventCallback<CheckpointDecisionView> OnRecorded { get; set; }

    private CheckpointDecisionRequest Request =>
        new(_decision.ToString(), _notes, [.. _items.Select(i => new CheckpointActionItem(i.Text, i.Owner, i.Due))]);

    private Dictionary<string, string[]> TypedProblems =>
        CheckpointDecisionService.Validate(Request, DateOnly.FromDateTime(TimeProvider.GetUtcNow().UtcDateTime), out _);

    private bool CanSubmit => TypedProblems.Count == 0;

    protected override void OnInitialized() => _decision = Suggested;

    /// <summary>
    /// Beside a field: what the server said about it, else what the rule says about what is typed. A field
    /// nobody has typed in yet shows nothing; its label says it is required, and Record stays disabled.
    /// </summary>
    private string? ProblemOf(string field, object? typed = null)
    {
        if (_serverProblems.TryGetValue(field, out var said))
        {
            return string.Join("; ", said);
        }

        return typed is not null && TypedProblems.TryGetValue(field, out var problems) ? string.Join("; ", problems) : null;
    }

    private string InputClass(string field, object? typed = null) =>
        ProblemOf(field, typed) is null ? "decision-form__input" : "decision-form__input decision-form__input--invalid";

    private void Edited()
    {
        _serverProblems = NoProblems;
        _refusal = null;
    }

    private void AddItem()
    {
        _items.Add(new());
        Edited();
    }

    private void RemoveItem(int index)
    {
        _items.RemoveAt(index);
        Edited();
    }

    private async Task SubmitAsync()
    {
        if (!CanSubmit || _busy)
        {
            return;
        }

        _busy = true;
        try
        {
            if (await StateStoreOutage.RefusalOfAsync(RecordAsync) is { } unreachable)
            {
                _serverProblems = NoProblems;
                _refusal = unreachable;
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task RecordAsync()
    {
        var outcome = await Decisions.RecordAsync(RolloutId, PhaseIndex, OffsetSeconds, Request, await CurrentActor.GetAsync());
        if (outcome is { Kind: OutcomeKind.Created, Value: { } recorded })
        {
            _serverProblems = NoProblems;
            _refusal = null;
            _notes = null;
            _items.Clear();
            await OnRecorded.InvokeAsync(recorded);
            return;
        }

        _serverProblems = outcome.Kind == OutcomeKind.Invalid ? outcome.Problems : NoProblems;
        _refusal = outcome.Kind == OutcomeKind.Invalid
            ? "Nothing was recorded: fix the marked fields." + string.Concat(
                outcome.Problems.Where(p => !p.Key.StartsWith("actionItems[", StringComparison.Ordinal) && p.Key != "notes")
                    .Select(p => $" {p.Key}: {string.Join("; ", p.Value)}."))
            : outcome.Detail ?? "The decision was not recorded.";
    }

    private sealed class ItemInput
    {
        public string? Text { get; set; }

        public string? Owner { get; set; }

        public DateOnly? Due { get; set; }
    }
}
