using System.Diagnostics.CodeAnalysis;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Web.Features.Rollouts;
using Dashboard.Web.Shared.Live;

namespace Dashboard.Web.Features.Checkpoints;

/// <summary>
/// Runs every <see cref="IPhaseRunSchedule"/> (checkpoints, executive summaries) for every rollout at start-up
/// (so work that fell due while the app was down fires once, late) and for each rollout whose state changed
/// (a saved command, not a settled traffic change), one at a time. Every instance does so, at its start and for
/// every change it hears of (its own or, through the bus, another's), under the <see cref="SchedulingLock"/>: the
/// result is the same whoever runs it, and the jobs fire once across the Quartz cluster.
/// </summary>
public sealed class CheckpointScheduleSync(
    RolloutChangeFeed feed,
    IEnumerable<IPhaseRunSchedule> schedules,
    RolloutStore rollouts,
    SchedulingLock schedulingLock,
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
        await using var held = await schedulingLock.AcquireAsync(stoppingToken);
        foreach (var schedule in schedules)
        {
            await schedule.SyncAsync(rolloutId, stoppingToken);
        }
    }
}
