using Dashboard.Infrastructure.Persistence;
using Dashboard.Web.Features.Rollouts;
using Dashboard.Web.Shared.Live;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.Checkpoints.Components;

/// <summary>
/// The checkpoint timeline of the rollout of record (the one started last) on the war-room screen:
/// large, no links, and live — re-read from the state store after every saved change of any rollout,
/// since a newly started one becomes the rollout of record. Shows nothing before a rollout started, and
/// says so when the state store cannot be read (never a blank that looks like all is well).
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

    // Any rollout: a newly started one becomes the rollout of record.
    protected override Task OnInitializedAsync()
    {
        _live = new(Changes, _ => true, LoadAsync, InvokeAsync, StateHasChanged, DispatchExceptionAsync);
        return _live.ReloadAsync();
    }

    private async Task LoadAsync()
    {
        try
        {
            _detail = await Store.FindLatestStartedAsync() is { } ofRecord ? await Rollouts.FindDetailAsync(ofRecord.Id) : null;
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
