using System.Globalization;
using Dashboard.Core.Rollouts;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Web.Features.Checkpoints;
using Dashboard.Web.Features.Rollouts;
using Microsoft.Extensions.Options;
using Quartz;

namespace Dashboard.Web.Features.Summaries;

/// <summary>
/// Keeps the persistent Quartz schedule of executive summaries in step with the saved rollout, the way
/// checkpoints are (<see cref="PhaseRunJobs"/>): while a phase runs, one job per milestone without a summary —
/// 8 h, 24 h, 36 h (long phases) and the planned end, scaled like checkpoints; for every phase run that ended,
/// one end job at the moment it ended. Due times in the past fire at once, and the summary says how late.
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
        var wanted = await WantedAsync(rolloutId, cancellationToken);
        foreach (var (key, dueAt) in await PhaseRunJobs.SyncAsync(scheduler, SummaryKeys.Group(rolloutId), wanted, cancellationToken))
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
            var due = new List<(SummaryMilestone Milestone, DateTimeOffset PeriodEnd)>();
            if (progress.EndedAt is { } ended)
            {
                due.Add((SummaryMilestone.PhaseEnd, ended));
            }
            else if (progress.Index == rollout.CurrentPhaseIndex && progress.State == PhaseState.Running)
            {
                due.AddRange(SummaryMilestone.InPhase(phase).Select(m => (m, started + options.Scale(m.Offset!.Value))));
                due.Add((SummaryMilestone.PhaseEnd, started + options.Scale(phase.Duration)));
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
