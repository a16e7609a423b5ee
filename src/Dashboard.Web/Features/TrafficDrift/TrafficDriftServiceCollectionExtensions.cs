using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.TrafficDrift;

public static class TrafficDriftServiceCollectionExtensions
{
    /// <summary>
    /// Registers the validated <see cref="TrafficDriftOptions"/> (<c>Routing:DriftCheckInterval</c>),
    /// the <see cref="TrafficDriftMonitor"/> with its <see cref="TrafficDriftRecorder"/> and the <see cref="TrafficDriftWatcher"/> that checks at
    /// start-up, periodically and after rollout changes. Needs <c>AddStateStore</c>,
    /// <c>AddTrafficRouting</c> (with a router for <c>Routing:Kind</c>) and <c>AddRollouts</c>.
    /// </summary>
    public static IServiceCollection AddTrafficDrift(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<TrafficDriftOptions>().Bind(configuration.GetSection(TrafficDriftOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TrafficDriftOptions>, TrafficDriftOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TrafficDriftRecorder>();
        services.TryAddSingleton<TrafficDriftMonitor>();
        services.AddHostedService<TrafficDriftWatcher>();
        return services;
    }
}
