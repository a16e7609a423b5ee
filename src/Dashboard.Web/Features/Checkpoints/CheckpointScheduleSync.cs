using Dashboard.Infrastructure.Persistence;

namespace Dashboard.Web.Features.Checkpoints;

/// <summary>
/// Runs <see cref="CheckpointScheduler.SyncAsync"/> for every rollout at start-up (so checkpoints
/// that fell due while the app was down fire once, late) and for each rollout whose state changed,
/// one at a time.
/// </summary>
public sealed partial class CheckpointScheduleSync(
    RolloutChangeFeedSubscription subscription,
    CheckpointScheduler scheduler,
    RolloutStore rollouts,
    ILogger<CheckpointScheduleSync> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pending = subscription.Start();
        try
        {
            foreach (var rollout in await rollouts.ListAsync(stoppingToken))
            {
                await SyncAsync(rollout.Id, stoppingToken);
            }

            await foreach (var rolloutId in pending.ReadAllAsync(stoppingToken))
            {
                await SyncAsync(rolloutId, stoppingToken);
            }
        }
        finally
        {
            subscription.Stop();
        }
    }

    private async Task SyncAsync(Guid rolloutId, CancellationToken stoppingToken)
    {
        try
        {
            await scheduler.SyncAsync(rolloutId, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSyncFailed(ex, rolloutId);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not bring the checkpoint schedule of rollout {RolloutId} in step")]
    private partial void LogSyncFailed(Exception exception, Guid rolloutId);
}
