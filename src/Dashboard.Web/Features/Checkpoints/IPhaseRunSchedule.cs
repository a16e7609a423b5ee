namespace Dashboard.Web.Features.Checkpoints;

/// <summary>
/// Work that Quartz runs at fixed times of a phase run (checkpoints, executive summaries): brought in step
/// with the saved rollout by <see cref="CheckpointScheduleSync"/> at start-up and after every change of it.
/// </summary>
public interface IPhaseRunSchedule
{
    /// <summary>Schedules what is due for <paramref name="rolloutId"/> and drops what is not; idempotent.</summary>
    Task SyncAsync(Guid rolloutId, CancellationToken cancellationToken = default);
}
