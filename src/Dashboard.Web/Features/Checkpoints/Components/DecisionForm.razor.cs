using Dashboard.Core.Checkpoints;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Shared;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.Checkpoints.Components;

/// <summary>
/// The decision form of a checkpoint page: decision (preset to the suggestion), notes and action items,
/// recorded as the signed-in person. Goes through <see cref="CheckpointDecisionService"/> like the REST
/// API; shows every problem at once, and tells the page only after the decision is stored.
/// </summary>
public sealed partial class DecisionForm
{
    private readonly List<ItemInput> _items = [];
    private IReadOnlyList<string> _problems = [];
    private CheckpointDecision _decision;
    private string? _notes;
    private bool _busy;

    [Inject]
    private CurrentActor CurrentActor { get; set; } = null!;

    [Inject]
    public required CheckpointDecisionService Decisions { get; init; }

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

    protected override void OnInitialized() => _decision = Suggested;

    private async Task SubmitAsync()
    {
        _busy = true;
        try
        {
            var request = new CheckpointDecisionRequest(
                _decision.ToString(), _notes, [.. _items.Select(i => new CheckpointActionItem(i.Text, i.Owner, i.Due))]);
            var outcome = await Decisions.RecordAsync(RolloutId, PhaseIndex, OffsetSeconds, request, await CurrentActor.GetAsync());
            if (outcome is { Kind: OutcomeKind.Created, Value: { } recorded })
            {
                _problems = [];
                _notes = null;
                _items.Clear();
                await OnRecorded.InvokeAsync(recorded);
                return;
            }

            _problems = outcome.Kind == OutcomeKind.Invalid
                ? [.. outcome.Problems.SelectMany(p => p.Value)]
                : [outcome.Detail ?? "The decision was not recorded."];
        }
        finally
        {
            _busy = false;
        }
    }

    private sealed class ItemInput
    {
        public string? Text { get; set; }

        public string? Owner { get; set; }

        public DateOnly? Due { get; set; }
    }
}
