using Quartz;

namespace Dashboard.Web.Features.Checkpoints;

/// <summary>
/// Makes one Quartz group hold exactly the wanted one-shot jobs: stale jobs are deleted, missing ones are
/// scheduled at their due time, recoverable, and fire at once when that time passed (after a restart, a hold
/// or a resume), so the work runs once, late, and can say how late. Checkpoints and summaries share it.
/// </summary>
public static class PhaseRunJobs
{
    /// <summary>Returns the keys newly scheduled, for the caller's log.</summary>
    public static async Task<IReadOnlyList<(JobKey Key, DateTimeOffset DueAt)>> SyncAsync(
        IScheduler scheduler,
        string group,
        IReadOnlyDictionary<JobKey, (IJobDetail Job, DateTimeOffset DueAt)> wanted,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentNullException.ThrowIfNull(wanted);
        var existing = await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(group), cancellationToken);
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
            await scheduler.ScheduleJob(job, trigger, new ScheduleJobOptions { Replace = true }, cancellationToken);
            added.Add((key, dueAt));
        }

        return added;
    }
}
