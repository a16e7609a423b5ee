using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dashboard.Web.Features.Rollouts;

public static class RolloutServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="RolloutService"/>, <see cref="PlanCatalog"/> and the authorization seam
    /// <see cref="RolloutAuthorization"/>. Needs <c>AddStateStore</c> and <c>AddTrafficRouting</c>
    /// (with a router for <c>Routing:Kind</c>). No options of its own yet; the configuration is taken
    /// so that issue 5 can bind its role mapping here without changing Program.cs.
    /// </summary>
    public static IServiceCollection AddRollouts(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton<RolloutAuthorization>();
        services.TryAddSingleton<PlanCatalog>();
        services.TryAddSingleton<RolloutService>();
        return services;
    }
}
