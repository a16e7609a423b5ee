using System.Diagnostics.CodeAnalysis;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Web.Features.Rollouts;
using Dashboard.Web.Shared.Live;

namespace Dashboard.Web.Features.Checkpoints;

/// <summary>
/// Runs every <see cref="IPhaseRunSchedule"/> (checkpoints, executive summaries) for every rollout at start-up
/// (so work that fell due while the app was down fires once, late) and for each rollout whose state changed
/// (a saved command, not a settled traffic change), one at a time.
/// </summary>
public sealed class CheckpointScheduleSync(
    RolloutChangeFeed feed,
    IEnumerable<IPhaseRunSchedule> schedules,
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

    protected override async Task ProcessAsync(Guid rolloutId, CancellationToken stoppingToken)
    {
        foreach (var schedule in schedules)
        {
            await schedule.SyncAsync(rolloutId, stoppingToken);
        }
    }
}
