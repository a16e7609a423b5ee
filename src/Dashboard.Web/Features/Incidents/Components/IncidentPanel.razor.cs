using Dashboard.Web.Features.Access;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.Web.Features.Incidents.Components;

/// <summary>
/// The rollout's incidents, open ones first, with dialogs to open, update and resolve them for those whose
/// roles allow it. Re-reads whenever <see cref="Revision"/> changes (every saved incident change publishes the rollout).
/// </summary>
public sealed partial class IncidentPanel
{
    private IReadOnlyList<IncidentView> _incidents = [];
    private object? _loadedRevision;
    private Actor _actor = Actor.Anonymous;
    private bool _mayOpen;
    private bool _mayUpdate;
    private bool _mayResolve;

    [Inject]
    public required IncidentService Incidents { get; init; }

    [Inject]
    public required IDialogService Dialogs { get; init; }

    [Inject]
    public required CurrentActor CurrentActor { get; init; }

    [Parameter, EditorRequired]
    public Guid RolloutId { get; set; }

    /// <summary>The plan's phase names, to say in which phase an incident was opened.</summary>
    [Parameter]
    public IReadOnlyList<string> PhaseNames { get; set; } = [];

    /// <summary>Anything that changes when the rollout changed; a new value reloads the incidents.</summary>
    [Parameter]
    public object? Revision { get; set; }

    private bool Interactive => RendererInfo.IsInteractive;

    protected override async Task OnInitializedAsync()
    {
        _actor = await CurrentActor.GetAsync();
        _mayOpen = AccessRules.Allows(_actor, Operation.OpenIncident);
        _mayUpdate = AccessRules.Allows(_actor, Operation.UpdateIncident);
        _mayResolve = AccessRules.Allows(_actor, Operation.ResolveIncident);
    }

    protected override async Task OnParametersSetAsync()
    {
        if (_loadedRevision is not null && Equals(_loadedRevision, Revision))
        {
            return;
        }

        _loadedRevision = Revision;
        await LoadAsync();
    }

    private async Task LoadAsync() =>
        _incidents = [.. (await Incidents.ListAsync(RolloutId) ?? []).OrderByDescending(i => i.IsOpen).ThenByDescending(i => i.OpenedAt)];

    private string PhaseName(int index) => index < PhaseNames.Count ? PhaseNames[index] : $"phase {index + 1}";

    private async Task OpenIncidentAsync()
    {
        var dialog = await Dialogs.ShowAsync<OpenIncidentDialog>(
            "Open an incident", new DialogParameters<OpenIncidentDialog> { { d => d.RolloutId, RolloutId } }, Options);
        await ReloadAfterAsync(dialog);
    }

    private async Task UpdateAsync(IncidentView incident, bool resolve)
    {
        var dialog = await Dialogs.ShowAsync<IncidentUpdateDialog>(
            resolve ? "Resolve incident" : "Update incident",
            new DialogParameters<IncidentUpdateDialog> { { d => d.Incident, incident }, { d => d.Resolve, resolve } },
            Options);
        await ReloadAfterAsync(dialog);
    }

    private async Task ReloadAfterAsync(IDialogReference dialog)
    {
        if (await dialog.Result is { Canceled: false })
        {
            await LoadAsync();
        }
    }

    private static DialogOptions Options => new() { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true };
}
