using Dashboard.Infrastructure.Persistence;
using Dashboard.Web.Features.Rollouts;
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
    private readonly SemaphoreSlim _reload = new(1, 1);
    private RolloutDetail? _detail;
    private int _revision;
    private bool _unreadable;

    [Inject]
    public required RolloutStore Store { get; init; }

    [Inject]
    public required RolloutService Rollouts { get; init; }

    [Inject]
    public required RolloutChangeFeed Changes { get; init; }

    [Inject]
    public required ILogger<WarRoomCheckpoints> Logger { get; init; }

    protected override void OnInitialized() => Changes.Changed += OnChanged;

    protected override Task OnInitializedAsync() => ReloadAsync();

    private void OnChanged(RolloutChanged change) => _ = InvokeAsync(async () =>
    {
        await ReloadAsync();
        StateHasChanged();
    });

    private async Task ReloadAsync()
    {
        await _reload.WaitAsync();
        try
        {
            _detail = await Store.FindLatestStartedAsync() is { } ofRecord ? await Rollouts.FindDetailAsync(ofRecord.Id) : null;
            _unreadable = false;
            _revision++;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The TV keeps showing its metrics; the strip says why the checkpoints are missing.
            LogUnreadable(Logger, ex);
            _detail = null;
            _unreadable = true;
        }
        finally
        {
            _reload.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The war room could not read the checkpoints of the rollout of record")]
    private static partial void LogUnreadable(ILogger logger, Exception exception);

    public void Dispose()
    {
        // The semaphore is not disposed: a reload queued by a late change may still release it.
        Changes.Changed -= OnChanged;
    }
}
