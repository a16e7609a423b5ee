using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Monitoring;

public static class MonitoringServiceCollectionExtensions
{
    /// <summary>
    /// Registers the monitoring cadences: the validated <c>Monitoring</c> options, the health-check
    /// service, runner and feed, and the start-up sync of their Quartz triggers. Uses the Quartz
    /// scheduler and store that <c>AddCheckpoints</c> sets up, and the metrics reader.
    /// </summary>
    public static IServiceCollection AddMonitoring(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<MonitoringOptions>().Bind(configuration.GetSection(MonitoringOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MonitoringOptions>, MonitoringOptionsValidator>());
        services.TryAddSingleton<HealthCheckFeed>();
        services.TryAddSingleton<HealthCheckService>();
        services.TryAddSingleton<HealthCheckRunner>();
        services.TryAddSingleton<Checkpoints.SchedulingLock>();
        services.TryAddSingleton<MonitoringScheduler>();
        services.AddHostedService<MonitoringScheduleSync>();
        return services;
    }
}
