using Dashboard.Web.Features.Rollouts;
using Dashboard.Web.Shared.Live;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.Reasons.Components;

/// <summary>
/// The war room's line of why: the same <see cref="RolloutReasons"/> reason as the rollout page, for the rollout
/// the screen follows (or the one that just ended), re-read after every saved change of any rollout.
/// </summary>
public sealed partial class WarRoomReason : IDisposable
{
    private RolloutReason? _reason;
    private LiveReload<RolloutChanged>? _live;

    [Inject]
    public required RolloutReasons Reasons { get; init; }

    [Inject]
    public required RolloutChangeFeed Changes { get; init; }

    /// <summary>The rollout asked for (<c>?rollout={id}</c>); null for the one the screen follows by default.</summary>
    [Parameter]
    public Guid? RolloutId { get; set; }

    // Any rollout's change may hold, end or start the one shown.
    protected override void OnInitialized() =>
        _live = new(Changes, _ => true, LoadAsync, InvokeAsync, StateHasChanged, DispatchExceptionAsync);

    // The war room re-renders every second for its clock; only a new ?rollout= (or the first render) reads the store.
    protected override Task OnParametersSetAsync() => _live!.ReloadForAsync(RolloutId);

    private async Task LoadAsync()
    {
        _reason = await Reasons.FindForScreenAsync(RolloutId);
    }

    private static string StatusCss(RolloutReason reason) => reason.Status.ToString().ToLowerInvariant();

    public void Dispose() => _live?.Dispose();
}
