using Quartz;

namespace Dashboard.Web.Features.Checkpoints;

/// <summary>
/// Makes one Quartz group hold exactly the wanted one-shot jobs: stale jobs are deleted, missing ones are
/// scheduled at their due time, recoverable, and fire at once when that time passed (after a restart, a hold,
/// a resume or another instance's death), so the work runs once, late, and can say how late. Checkpoints and
/// summaries share it. Callers hold the <see cref="SchedulingLock"/>, so no other instance schedules meanwhile.
/// </summary>
public static class PhaseRunJobs
{
    /// <summary>Returns the keys newly scheduled, for the caller's log.</summary>
    /// <param name="scheduler">The scheduler.</param>
    /// <param name="group">The group of jobs to bring in step.</param>
    /// <param name="wantedAsync">Reads the jobs that should be scheduled: work not done yet, by the saved state.</param>
    /// <param name="cancellationToken">Stops the sync.</param>
    public static async Task<IReadOnlyList<(JobKey Key, DateTimeOffset DueAt)>> SyncAsync(
        IScheduler scheduler,
        string group,
        Func<CancellationToken, Task<Dictionary<JobKey, (IJobDetail Job, DateTimeOffset DueAt)>>> wantedAsync,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentNullException.ThrowIfNull(wantedAsync);

        // The jobs first, the work done second. A job leaves Quartz only after its work was saved, so a job missing
        // here either never existed or its result is already visible below: a job that has just finished is never
        // taken for one still to schedule, and never fires twice.
        var existing = await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(group), cancellationToken);
        var wanted = await wantedAsync(cancellationToken);
        foreach (var stale in existing.Where(key => !wanted.ContainsKey(key)))
        {
            await scheduler.DeleteJob(stale, cancellationToken);
        }

        var added = new List<(JobKey, DateTimeOffset)>();
        foreach (var (key, (job, dueAt)) in wanted.Where(entry => !existing.Contains(entry.Key)))
        {
            var trigger = TriggerBuilder.Create()
                .WithIdentity(key.Name, key.Group)
                .ForJob(key)
                .StartAt(dueAt)
                .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
                .Build();
            await scheduler.ScheduleJob(job, trigger, new ScheduleJobOptions { Replace = false }, cancellationToken);
            added.Add((key, dueAt));
        }

        return added;
    }
}
