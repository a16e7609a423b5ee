using Dashboard.Infrastructure.Persistence;
using Dashboard.Web.Features.Rollouts;
using Dashboard.Web.Shared.Live;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.Checkpoints.Components;

/// <summary>
/// The checkpoint timeline of the rollout the war room follows (<see cref="RolloutId"/>; without one, the one
/// started last) on the war-room screen: large, no links, and live — re-read from the state store after every
/// saved change of any rollout, since a newly started one may become the one shown. Shows nothing before a
/// rollout started, and says so when the state store cannot be read (never a blank that looks like all is well).
/// </summary>
public sealed partial class WarRoomCheckpoints : IDisposable
{
    private LiveReload<RolloutChanged>? _live;
    private RolloutDetail? _detail;
    private bool _unreadable;

    [Inject]
    public required RolloutStore Store { get; init; }

    [Inject]
    public required RolloutService Rollouts { get; init; }

    [Inject]
    public required RolloutChangeFeed Changes { get; init; }

    [Inject]
    public required ILogger<WarRoomCheckpoints> Logger { get; init; }

    /// <summary>The rollout the screen follows; null shows the one started last.</summary>
    [Parameter]
    public Guid? RolloutId { get; set; }

    // Any rollout: a newly started one may become the one shown.
    protected override void OnInitialized() =>
        _live = new(Changes, _ => true, LoadAsync, InvokeAsync, StateHasChanged, DispatchExceptionAsync);

    // The war room re-renders every second for its clock; only another rollout to follow reads the store again.
    protected override Task OnParametersSetAsync() => _live!.ReloadForAsync(RolloutId);

    private async Task LoadAsync()
    {
        try
        {
            var shown = RolloutId ?? (await Store.FindLatestStartedAsync())?.Id;
            _detail = shown is { } id ? await Rollouts.FindDetailAsync(id) : null;
            _unreadable = false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The TV keeps showing its metrics; the strip says why the checkpoints are missing.
            LogUnreadable(Logger, ex);
            _detail = null;
            _unreadable = true;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The war room could not read the checkpoints of the rollout of record")]
    private static partial void LogUnreadable(ILogger logger, Exception exception);

    public void Dispose() => _live?.Dispose();
}
