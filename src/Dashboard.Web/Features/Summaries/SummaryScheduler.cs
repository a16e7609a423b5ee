using System.Globalization;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Web.Features.Checkpoints;
using Dashboard.Web.Features.Rollouts;
using Microsoft.Extensions.Options;
using Quartz;

namespace Dashboard.Web.Features.Summaries;

/// <summary>
/// Keeps the persistent Quartz schedule of executive summaries in step with the saved rollout, the way
/// checkpoints are (<see cref="PhaseRunJobs"/>): one job per milestone without a summary — 8 h, 24 h and 36 h
/// into a long phase run (scaled like checkpoints) that it reached or may still reach, and its end at the moment
/// it ended. Unlike checkpoints they are not dropped while the phase is held or waits at its gate: a summary
/// reports and never acts. Due times in the past fire at once, and the summary says how late.
/// </summary>
public sealed partial class SummaryScheduler(
    ISchedulerFactory schedulers,
    RolloutStore rollouts,
    ExecutiveSummaryStore summaries,
    IOptions<RolloutClockOptions> clock,
    ILogger<SummaryScheduler> logger) : IPhaseRunSchedule
{
    public async Task SyncAsync(Guid rolloutId, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        foreach (var (key, dueAt) in await PhaseRunJobs.SyncAsync(scheduler, SummaryKeys.Group(rolloutId), token => WantedAsync(rolloutId, token), cancellationToken))
        {
            LogScheduled(rolloutId, key.Name, dueAt);
        }
    }

    private async Task<Dictionary<JobKey, (IJobDetail Job, DateTimeOffset DueAt)>> WantedAsync(Guid rolloutId, CancellationToken cancellationToken)
    {
        var wanted = new Dictionary<JobKey, (IJobDetail, DateTimeOffset)>();
        if (await rollouts.LoadAsync(rolloutId, cancellationToken) is not { } rollout)
        {
            return wanted;
        }

        var done = (await summaries.ListAsync(rolloutId, cancellationToken))
            .Select(s => (s.PhaseIndex, s.PhaseStartedAt, s.Milestone))
            .ToHashSet();
        var options = clock.Value;
        foreach (var progress in rollout.Phases.Where(p => p.StartedAt is not null))
        {
            var started = progress.StartedAt!.Value;
            var phase = rollout.Plan.Phases[progress.Index];
            var due = SummaryMilestone.InPhase(phase)
                .Select(m => (Milestone: m, PeriodEnd: started + options.Scale(m.Offset!.Value)))
                .Where(m => progress.EndedAt is not { } ended || m.PeriodEnd <= ended)
                .ToList();
            if (progress.EndedAt is { } end)
            {
                due.Add((SummaryMilestone.PhaseEnd, end));
            }

            foreach (var (milestone, periodEnd) in due.Where(d => !done.Contains((progress.Index, started, d.Milestone.Key))))
            {
                var dueAt = options.EvaluateAt(periodEnd);
                var key = SummaryKeys.Job(rolloutId, progress.Index, started, milestone, dueAt);
                var job = JobBuilder.Create<SummaryJob>()
                    .WithIdentity(key)
                    .UsingJobData(SummaryKeys.RolloutId, rolloutId.ToString())
                    .UsingJobData(SummaryKeys.PhaseIndex, progress.Index)
                    .UsingJobData(SummaryKeys.PhaseStartedAt, started.ToString("O", CultureInfo.InvariantCulture))
                    .UsingJobData(SummaryKeys.Milestone, milestone.Key)
                    .RequestRecovery()
                    .Build();
                wanted[key] = (job, dueAt);
            }
        }

        return wanted;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Summary {Summary} of rollout {RolloutId} scheduled for {DueAt:O}")]
    private partial void LogScheduled(Guid rolloutId, string summary, DateTimeOffset dueAt);
}
