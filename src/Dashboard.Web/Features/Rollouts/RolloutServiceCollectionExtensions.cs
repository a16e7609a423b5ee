using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dashboard.Web.Features.Rollouts;

public static class RolloutServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="RolloutService"/>, <see cref="WaitingForPerson"/>, <see cref="PlanCatalog"/> with the plan files of
    /// <c>Plans:Folder</c>, and the authorization seam <see cref="RolloutAuthorization"/>, and the change feed that
    /// pushes every saved change to open pages and <c>/hubs/live</c> clients. Needs
    /// <c>AddStateStore</c> and <c>AddTrafficRouting</c> (with a router for <c>Routing:Kind</c>).
    /// </summary>
    public static IServiceCollection AddRollouts(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<PlansOptions>().Bind(configuration.GetSection(PlansOptions.Section));
        services.TryAddSingleton<PlanFolder>();
        services.TryAddSingleton<RolloutAuthorization>();
        services.TryAddScoped<Access.CurrentActor>();
        services.TryAddSingleton<PlanCatalog>();
        services.TryAddSingleton<RolloutChangeFeed>();
        services.TryAddSingleton<RolloutService>();
        services.TryAddSingleton<WaitingForPerson>();
        services.AddHostedService<RolloutHubBroadcaster>();
        return services;
    }
}
