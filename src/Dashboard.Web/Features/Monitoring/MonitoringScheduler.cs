using Dashboard.Core.Monitoring;
using Dashboard.Web.Features.Checkpoints;
using Microsoft.Extensions.Options;
using Quartz;

namespace Dashboard.Web.Features.Monitoring;

/// <summary>
/// Keeps one Quartz trigger per enabled cadence in the persistent store, and reads them back.
/// Calendar cadences are cron triggers in UTC whose misfire fires once now: a check missed while the
/// app was down runs once at start-up and reports its slot as the due time. The intensive cadence is
/// a simple trigger every <c>Monitoring:IntensiveInterval</c> whose misfires are skipped. A trigger
/// that already matches is left alone, so its missed fire survives the restart. Instances sharing a PostgreSQL
/// store sync one after another under the <see cref="SchedulingLock"/>: the first schedules, the others find
/// the matching trigger, so a tick fires once across the Quartz cluster. The jobs do not ask for recovery: an
/// intensive tick lost with its instance is followed by the next within seconds, and a calendar check's window
/// starts where the previous record ended, so the next check covers a lost one's data.
/// </summary>
public sealed partial class MonitoringScheduler(
    ISchedulerFactory schedulers,
    SchedulingLock schedulingLock,
    IOptions<MonitoringOptions> options,
    ILogger<MonitoringScheduler> logger)
{
    public async Task SyncAsync(CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await using var held = await schedulingLock.AcquireAsync(cancellationToken);
        foreach (var cadence in Enum.GetValues<MonitoringCadence>())
        {
            if (!options.Value.IsEnabled(cadence))
            {
                await scheduler.DeleteJob(MonitoringKeys.Job(cadence), cancellationToken);
                continue;
            }

            if (Matches(await scheduler.GetTrigger(MonitoringKeys.Trigger(cadence), cancellationToken), cadence))
            {
                continue;
            }

            var job = JobBuilder.Create<HealthCheckJob>()
                .WithIdentity(MonitoringKeys.Job(cadence))
                .UsingJobData(MonitoringKeys.Cadence, cadence.ToString())
                .Build();
            var trigger = TriggerBuilder.Create().WithIdentity(MonitoringKeys.Trigger(cadence)).ForJob(job);
            trigger = cadence == MonitoringCadence.Intensive
                ? trigger.StartNow().WithSimpleSchedule(s => s.WithInterval(options.Value.IntensiveInterval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithExistingCount))
                : trigger.WithCronSchedule(CadenceCalendar.CronExpression(cadence), c => c.InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed));
            await scheduler.ScheduleJob(job, [trigger.Build()], new ScheduleJobOptions { Replace = true }, cancellationToken);
            var schedule = Describe(cadence);
            LogScheduled(cadence, schedule);
        }
    }

    /// <summary>Every cadence with its trigger as Quartz reports it.</summary>
    public async Task<IReadOnlyList<HealthCheckScheduleView>> ReadAsync(CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var views = new List<HealthCheckScheduleView>();
        foreach (var cadence in Enum.GetValues<MonitoringCadence>())
        {
            var trigger = await scheduler.GetTrigger(MonitoringKeys.Trigger(cadence), cancellationToken);
            views.Add(new HealthCheckScheduleView(
                cadence,
                trigger is not null,
                Describe(cadence),
                (trigger as ICronTrigger)?.CronExpressionString,
                (trigger as ICronTrigger)?.TimeZone.Id,
                (trigger as ISimpleTrigger)?.RepeatInterval,
                trigger?.NextFireTimeUtc,
                trigger?.PreviousFireTimeUtc));
        }

        return views;
    }

    private string Describe(MonitoringCadence cadence) => cadence == MonitoringCadence.Intensive
        ? $"every {Core.Plans.PlanDuration.Format(options.Value.IntensiveInterval)} during the first {Core.Plans.PlanDuration.Format(options.Value.IntensiveDuration)} of a rollout"
        : CadenceCalendar.Describe(cadence);

    private bool Matches(ITrigger? existing, MonitoringCadence cadence) => existing switch
    {
        ISimpleTrigger simple => cadence == MonitoringCadence.Intensive && simple.RepeatInterval == options.Value.IntensiveInterval
            && simple.MisfireInstruction == SimpleTriggerMisfireInstruction.NextWithExistingCount,
        ICronTrigger cron => cron.CronExpressionString == CadenceCalendar.CronExpression(cadence) && cron.TimeZone.Id == TimeZoneInfo.Utc.Id
            && cron.MisfireInstruction == CronTriggerMisfireInstruction.FireAndProceed,
        _ => false,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "{Cadence} health checks scheduled: {Schedule}")]
    private partial void LogScheduled(MonitoringCadence cadence, string schedule);
}
