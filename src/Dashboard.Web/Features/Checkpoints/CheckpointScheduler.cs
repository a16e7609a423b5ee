using System.Globalization;
using Dashboard.Core.Rollouts;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Web.Features.Rollouts;
using Microsoft.Extensions.Options;
using Quartz;

namespace Dashboard.Web.Features.Checkpoints;

/// <summary>
/// Keeps the persistent Quartz schedule in step with the saved rollout: while a phase runs, one job
/// per checkpoint that has no verdict yet, due at the phase start plus the (scaled) offset; nothing
/// while it is held, waiting or finished. A due time in the past fires at once (after a restart, a
/// hold or a resume) and the verdict records how late it was. Idempotent: run it after any change.
/// </summary>
public sealed partial class CheckpointScheduler(
    ISchedulerFactory schedulers,
    RolloutStore rollouts,
    CheckpointVerdictStore verdicts,
    IOptions<RolloutClockOptions> clock,
    ILogger<CheckpointScheduler> logger) : IPhaseRunSchedule
{
    public async Task SyncAsync(Guid rolloutId, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        foreach (var (key, dueAt) in await PhaseRunJobs.SyncAsync(scheduler, CheckpointKeys.Group(rolloutId), token => WantedAsync(rolloutId, token), cancellationToken))
        {
            LogScheduled(rolloutId, key.Name, dueAt);
        }
    }

    private async Task<Dictionary<JobKey, (IJobDetail Job, DateTimeOffset DueAt)>> WantedAsync(Guid rolloutId, CancellationToken cancellationToken)
    {
        var wanted = new Dictionary<JobKey, (IJobDetail, DateTimeOffset)>();
        if (await rollouts.LoadAsync(rolloutId, cancellationToken) is not { } rollout
            || rollout.CurrentState != PhaseState.Running
            || rollout.CurrentProgress.StartedAt is not { } startedAt)
        {
            return wanted;
        }

        var done = (await verdicts.ListAsync(rolloutId, cancellationToken))
            .Where(v => v.PhaseIndex == rollout.CurrentPhaseIndex && v.PhaseStartedAt == startedAt)
            .Select(v => v.CheckpointOffsetSeconds)
            .ToHashSet();
        foreach (var offset in rollout.CurrentPhase.Checkpoints.Where(offset => !done.Contains((long)offset.TotalSeconds)))
        {
            var key = CheckpointKeys.Job(rolloutId, rollout.CurrentPhaseIndex, startedAt, offset);
            var job = JobBuilder.Create<CheckpointJob>()
                .WithIdentity(key)
                .UsingJobData(CheckpointKeys.RolloutId, rolloutId.ToString())
                .UsingJobData(CheckpointKeys.PhaseIndex, rollout.CurrentPhaseIndex)
                .UsingJobData(CheckpointKeys.PhaseStartedAt, startedAt.ToString("O", CultureInfo.InvariantCulture))
                .UsingJobData(CheckpointKeys.OffsetSeconds, ((long)offset.TotalSeconds).ToString(CultureInfo.InvariantCulture))
                .RequestRecovery()
                .Build();
            wanted[key] = (job, clock.Value.EvaluateAt(startedAt + clock.Value.Scale(offset)));
        }

        return wanted;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Checkpoint {Checkpoint} of rollout {RolloutId} scheduled for {DueAt:O}")]
    private partial void LogScheduled(Guid rolloutId, string checkpoint, DateTimeOffset dueAt);
}
