using System.Diagnostics.CodeAnalysis;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Web.Features.Rollouts;
using Dashboard.Web.Shared.Live;

namespace Dashboard.Web.Features.Checkpoints;

/// <summary>
/// Runs <see cref="CheckpointScheduler.SyncAsync"/> for every rollout at start-up (so checkpoints
/// that fell due while the app was down fire once, late) and for each rollout whose state changed
/// (a saved command, not a settled traffic change), one at a time.
/// </summary>
public sealed class CheckpointScheduleSync(
    RolloutChangeFeed feed,
    CheckpointScheduler scheduler,
    RolloutStore rollouts,
    ILogger<CheckpointScheduleSync> logger) : ChangeWatcher<RolloutChanged, Guid>(feed, logger)
{
    protected override bool Selects(RolloutChanged change, [MaybeNullWhen(false)] out Guid rolloutId)
    {
        rolloutId = change.RolloutId;
        return change.Events.Count > 0;
    }

    protected override async Task<IReadOnlyCollection<Guid>> SweepAsync(CancellationToken stoppingToken) =>
        [.. (await rollouts.ListAsync(stoppingToken)).Select(r => r.Id)];

    protected override Task ProcessAsync(Guid rolloutId, CancellationToken stoppingToken) => scheduler.SyncAsync(rolloutId, stoppingToken);
}
