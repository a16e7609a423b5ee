using Dashboard.Web.Features.Rollouts.Components;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.Web.Features.Rollouts.Pages;

/// <summary>Every rollout, newest first, kept live; "New rollout" creates one from a plan.</summary>
public sealed partial class RolloutsPage : IDisposable
{
    private IReadOnlyList<RolloutView>? _rollouts;

    [Inject]
    public required RolloutService Rollouts { get; init; }

    [Inject]
    public required RolloutChangeFeed Changes { get; init; }

    [Inject]
    public required IDialogService Dialogs { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    protected override async Task OnInitializedAsync()
    {
        Changes.Changed += OnRolloutChanged;
        _rollouts = await Rollouts.ListAsync();
    }

    private void OnRolloutChanged(RolloutChanged change) => _ = InvokeAsync(async () =>
    {
        _rollouts = await Rollouts.ListAsync();
        StateHasChanged();
    });

    private async Task OpenCreateDialogAsync()
    {
        var options = new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true, BackdropClick = false };
        var dialog = await Dialogs.ShowAsync<CreateRolloutDialog>("New rollout", options);
        if (await dialog.Result is { Canceled: false, Data: Guid id })
        {
            Navigation.NavigateTo($"/rollouts/{id}");
        }
    }

    public void Dispose() => Changes.Changed -= OnRolloutChanged;
}
