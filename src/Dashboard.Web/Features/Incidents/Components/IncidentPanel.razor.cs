using Dashboard.Web.Features.Access;
using Dashboard.Web.Features.Rollouts;
using Dashboard.Web.Shared.Live;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.Web.Features.Incidents.Components;

/// <summary>
/// The rollout's incidents, open ones first, with dialogs to open, update and resolve them for those whose
/// roles allow it. Re-read after every saved change of the rollout (every saved incident change publishes one).
/// </summary>
public sealed partial class IncidentPanel : IDisposable
{
    private LiveReload<RolloutChanged>? _live;
    private IReadOnlyList<IncidentView> _incidents = [];
    private int _page;
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

    [Inject]
    public required RolloutChangeFeed Changes { get; init; }

    [Parameter, EditorRequired]
    public Guid RolloutId { get; set; }

    /// <summary>The plan's phase names, to say in which phase an incident was opened.</summary>
    [Parameter]
    public IReadOnlyList<string> PhaseNames { get; set; } = [];

    private bool Interactive => RendererInfo.IsInteractive;

    protected override async Task OnInitializedAsync()
    {
        _live = new(Changes, change => change.RolloutId == RolloutId, LoadAsync, InvokeAsync, StateHasChanged, DispatchExceptionAsync);
        _actor = await CurrentActor.GetAsync();
        _mayOpen = AccessRules.Allows(_actor, Operation.OpenIncident);
        _mayUpdate = AccessRules.Allows(_actor, Operation.UpdateIncident);
        _mayResolve = AccessRules.Allows(_actor, Operation.ResolveIncident);
    }

    protected override Task OnParametersSetAsync() => _live!.ReloadForAsync(RolloutId);

    public void Dispose() => _live?.Dispose();

    private async Task LoadAsync()
    {
        _incidents = [.. (await Incidents.ListAsync(RolloutId) ?? []).OrderByDescending(i => i.IsOpen).ThenByDescending(i => i.OpenedAt)];
    }

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
            await _live!.ReloadAsync();
        }
    }

    private static DialogOptions Options => new() { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true };
}
