using Dashboard.Web.Features.Access;
using Dashboard.Web.Features.Rollouts;
using Dashboard.Web.Shared;
using Dashboard.Web.Shared.Components;
using Dashboard.Web.Shared.Live;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.SignOffs.Components;

/// <summary>
/// The checklist of the gate of a rollout's current phase (nothing when the gate has none): each item with
/// who ticked it and when. Operators and leads tick and un-tick; anyone else sees it read-only. Live: re-read
/// after every saved change of the rollout.
/// </summary>
public sealed partial class ChecklistPanel : IDisposable
{
    private LiveReload<RolloutChanged>? _live;
    private GateView? _gate;
    private Actor _actor = Actor.Anonymous;
    private string? _error;

    [Inject]
    public required GateService Gates { get; init; }

    [Inject]
    public required RolloutChangeFeed Changes { get; init; }

    [Inject]
    public required CurrentActor CurrentActor { get; init; }

    /// <summary>The rollout whose current gate's checklist is shown.</summary>
    [Parameter, EditorRequired]
    public Guid RolloutId { get; set; }

    private bool MayTick => AccessRules.Allows(_actor, Operation.TickChecklist);

    private bool CanTick => RendererInfo.IsInteractive && MayTick && _gate is { AcceptsSignOffs: true };

    private string? ReadOnlyReason =>
        !MayTick ? "Read-only: ticking needs the Operator role or a lead role."
        : _gate is { AcceptsSignOffs: false } gate ? $"Read-only: phase {gate.PhaseName} is {Vocabulary.State(gate.PhaseState)}."
        : null;

    protected override async Task OnInitializedAsync()
    {
        _live = new(Changes, change => change.RolloutId == RolloutId, LoadAsync, InvokeAsync, StateHasChanged, DispatchExceptionAsync);
        _actor = await CurrentActor.GetAsync();
    }

    // The page re-renders on every change too; the panel's own subscription already re-reads.
    protected override Task OnParametersSetAsync() => _live!.ReloadForAsync(RolloutId);

    public void Dispose() => _live?.Dispose();

    private async Task LoadAsync()
    {
        _gate = await Gates.FindCurrentAsync(RolloutId);
    }

    private async Task TickAsync(ChecklistItemView item, bool ticked)
    {
        if (_gate is not { } gate)
        {
            return;
        }

        var unreachable = await StateStoreOutage.RefusalOfAsync(async () =>
        {
            var outcome = await Gates.TickAsync(gate.RolloutId, gate.PhaseIndex, item.Id, ticked, _actor);
            _error = outcome.Kind == OutcomeKind.Succeeded ? null : outcome.Detail ?? "The tick could not be recorded.";
            await _live!.ReloadAsync();
        });
        _error = unreachable ?? _error;
    }

    private static string Who(ChecklistItemView item) => item switch
    {
        { By: { } by, At: { } at, Ticked: true } => $"ticked by {by} · {Stamp(at)}",
        { By: { } by, At: { } at } => $"un-ticked by {by} · {Stamp(at)}",
        _ => "open",
    };

    private static string Stamp(DateTimeOffset at) => at.ToString("MMM d HH:mm", System.Globalization.CultureInfo.InvariantCulture) + " UTC";
}
