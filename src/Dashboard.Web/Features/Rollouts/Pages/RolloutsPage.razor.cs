using Dashboard.Web.Features.Access;
using Dashboard.Web.Features.Rollouts.Components;
using Dashboard.Web.Shared.Live;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.Web.Features.Rollouts.Pages;

/// <summary>Every rollout, newest first, kept live; "New rollout" creates one from a plan, shown to those whose roles allow it.</summary>
public sealed partial class RolloutsPage : IDisposable
{
    private LiveReload<RolloutChanged>? _live;
    private IReadOnlyList<RolloutView>? _rollouts;
    private Actor? _actor;

    [Inject]
    public required RolloutService Rollouts { get; init; }

    [Inject]
    public required RolloutChangeFeed Changes { get; init; }

    [Inject]
    public required IDialogService Dialogs { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    [Inject]
    public required CurrentActor CurrentActor { get; init; }

    private bool CanCreate => _actor is { } actor && AccessRules.Allows(actor, Operation.CreateRollout);

    protected override async Task OnInitializedAsync()
    {
        _live = new(Changes, _ => true, LoadAsync, InvokeAsync, StateHasChanged, DispatchExceptionAsync);
        _actor = await CurrentActor.GetAsync();
        await _live.ReloadAsync();
    }

    private async Task LoadAsync() => _rollouts = await Rollouts.ListAsync();

    private async Task OpenCreateDialogAsync()
    {
        var options = new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true, BackdropClick = false };
        var dialog = await Dialogs.ShowAsync<CreateRolloutDialog>("New rollout", options);
        if (await dialog.Result is { Canceled: false, Data: Guid id })
        {
            Navigation.NavigateTo($"/rollouts/{id}");
        }
    }

    public void Dispose() => _live?.Dispose();
}
