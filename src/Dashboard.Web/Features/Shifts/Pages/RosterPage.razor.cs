using Dashboard.Web.Features.Access;
using Dashboard.Web.Shared;
using Dashboard.Web.Shared.Live;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.Shifts.Pages;

/// <summary>
/// The roster (<c>/roster</c>): every pattern's daily default and the next 7 days of shifts, each editable by operations
/// leads and admins — cards that stack on a phone. Re-read whenever the roster or a handoff is saved.
/// </summary>
public sealed partial class RosterPage : IDisposable
{
    private LiveReload<ShiftChanged>? _live;
    private RosterView? _view;
    private IReadOnlyList<RosterCandidate> _people = [];
    private Actor? _actor;
    private bool _mayEdit;

    // Why "back to the default" was not done, shown beside that shift's button.
    private (string ShiftId, string Text)? _removeRefusal;

    [Inject]
    public required RosterService Roster { get; init; }

    [Inject]
    public required ShiftFeed Feed { get; init; }

    [Inject]
    public required CurrentActor CurrentActor { get; init; }

    [Inject]
    public required TimeProvider TimeProvider { get; init; }

    protected override void OnInitialized() =>
        _live = new(Feed, change => change.ShiftId is null, LoadAsync, InvokeAsync, StateHasChanged, DispatchExceptionAsync);

    protected override Task OnInitializedAsync() => _live!.ReloadAsync();

    private Task ReloadAsync() => _live!.ReloadAsync();

    private async Task LoadAsync()
    {
        _actor = await CurrentActor.GetAsync();
        _mayEdit = RosterService.MayEdit(_actor);
        _people = await Roster.CandidatesAsync();
        var from = TimeProvider.GetUtcNow();
        var outcome = await Roster.ReadAsync(UtcText(from), UtcText(from + ShiftService.MaxWindow));
        _view = outcome.Value;
    }

    private ShiftRoster DefaultOf(string pattern) =>
        _view?.Defaults.FirstOrDefault(d => d.Pattern == pattern && d.Day is null) is { } found
            ? new ShiftRoster(RosterSource.Default, found.Primary, found.Secondary, found.Leads)
            : ShiftRoster.Empty;

    private async Task RemoveOverrideAsync(string shiftId)
    {
        var (outcome, refusal) = await StateStoreOutage.ValueOrRefusalAsync(async () => await Roster.RemoveOverrideAsync(shiftId, await CurrentActor.GetAsync()));
        if (outcome is not null)
        {
            refusal = outcome.Kind == OutcomeKind.Succeeded ? null : outcome.Detail ?? "The override was not removed.";
            await ReloadAsync();
        }

        _removeRefusal = refusal is null ? null : (shiftId, refusal);
    }

    private static string UtcText(DateTimeOffset at) => at.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture);

    public void Dispose() => _live?.Dispose();
}
