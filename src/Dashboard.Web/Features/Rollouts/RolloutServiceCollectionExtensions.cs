using Dashboard.Web.Shared.Charts;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Rollouts;

public static class RolloutServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="RolloutService"/>, <see cref="WaitingForPerson"/>, <see cref="PlanCatalog"/> with the plan files of
    /// <c>Plans:Folder</c>, the validated <c>Rollout</c> clock options, the change feed that pushes every saved change to
    /// open pages and <c>/hubs/live</c> clients, and the rollout notifier. Needs <c>AddStateStore</c>,
    /// <c>AddWarRoomAccess</c>, <c>AddNotifications</c> and <c>AddTrafficRouting</c> (with a router for <c>Routing:Kind</c>).
    /// </summary>
    public static IServiceCollection AddRollouts(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<PlansOptions>().Bind(configuration.GetSection(PlansOptions.Section));
        services.AddOptions<RolloutClockOptions>().Bind(configuration.GetSection(RolloutClockOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RolloutClockOptions>, RolloutClockOptionsValidator>());
        services.TryAddSingleton<PlanFolder>();
        services.TryAddSingleton<PlanCatalog>();
        services.TryAddSingleton<RolloutChangeFeed>();
        services.TryAddSingleton<RolloutService>();
        services.TryAddSingleton<WaitingForPerson>();
        services.TryAddSingleton<FollowedRollouts>();
        services.TryAddSingleton<RolloutChartAnnotations>();
        // Charts on every screen share one read per saved change.
        services.TryAddSingleton<IChartAnnotationSource>(provider => new ChartAnnotationCache(provider.GetRequiredService<RolloutChartAnnotations>()));
        services.AddHostedService<RolloutHubBroadcaster>();
        services.AddHostedService<RolloutNotifier>();
        return services;
    }
}
