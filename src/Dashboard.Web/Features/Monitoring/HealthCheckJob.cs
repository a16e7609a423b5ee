using Dashboard.Core.Monitoring;
using Quartz;

namespace Dashboard.Web.Features.Monitoring;

/// <summary>
/// The Quartz job of one cadence; the work is <see cref="HealthCheckRunner.RunAsync"/>. A slow check
/// never overlaps the next one of the same cadence.
/// </summary>
[DisallowConcurrentExecution]
public sealed class HealthCheckJob(HealthCheckRunner runner) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cadence = Enum.Parse<MonitoringCadence>(context.MergedJobDataMap.GetString(MonitoringKeys.Cadence)!);
        await runner.RunAsync(cadence, context.ScheduledFireTimeUtc, cancellationToken);
    }
}
