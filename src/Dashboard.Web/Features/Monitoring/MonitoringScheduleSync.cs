namespace Dashboard.Web.Features.Monitoring;

/// <summary>Brings the cadences' Quartz triggers in step with <c>Monitoring</c> once at start-up.</summary>
public sealed partial class MonitoringScheduleSync(MonitoringScheduler scheduler, ILogger<MonitoringScheduleSync> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await scheduler.SyncAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSyncFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not schedule the monitoring cadences; no health checks will run")]
    private partial void LogSyncFailed(Exception exception);
}
