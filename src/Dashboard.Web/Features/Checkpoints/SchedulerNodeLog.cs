using Quartz;

namespace Dashboard.Web.Features.Checkpoints;

/// <summary>
/// Logs once at start-up which Quartz node this instance is. In a cluster the id is generated (AUTO), and it is
/// the name the job store gives this instance in <c>qrtz_scheduler_state</c> and <c>qrtz_fired_triggers</c>, so
/// an operator (or a test) can tell which instance holds or ran a trigger.
/// </summary>
public sealed partial class SchedulerNodeLog(ISchedulerFactory schedulers, ILogger<SchedulerNodeLog> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var scheduler = await schedulers.GetScheduler(stoppingToken);
        var metadata = await scheduler.GetMetadata(stoppingToken);
        LogNode(metadata.SchedulerInstanceId, metadata.JobStoreClustered);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Quartz node {InstanceId} (clustered: {Clustered})")]
    private partial void LogNode(string instanceId, bool clustered);
}
