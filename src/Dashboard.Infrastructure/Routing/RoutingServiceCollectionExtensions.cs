using Dashboard.Core.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Dashboard.Infrastructure.Routing;

public static class RoutingServiceCollectionExtensions
{
    /// <summary>
    /// Registers the validated <see cref="RoutingOptions"/> (section <c>Routing</c>), the
    /// <see cref="HaproxyRuntimeRouter"/> as the keyed <see cref="ITrafficRouter"/>
    /// <see cref="RoutingKind.Haproxy"/>, and <see cref="ITrafficRouter"/> itself, which resolves the
    /// keyed router that <c>Routing:Kind</c> names. The <see cref="RoutingKind.BuiltIn"/> router
    /// lives in the web project and is registered there under its key; calls may come in any order.
    /// </summary>
    public static IServiceCollection AddTrafficRouting(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<RoutingOptions>().Bind(configuration.GetSection(RoutingOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RoutingOptions>, RoutingOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddKeyedSingleton<ITrafficRouter, HaproxyRuntimeRouter>(RoutingKind.Haproxy);
        services.TryAddSingleton(sp =>
        {
            var kind = sp.GetRequiredService<IOptions<RoutingOptions>>().Value.Kind;
            return sp.GetKeyedService<ITrafficRouter>(kind)
                ?? throw new InvalidOperationException($"Routing:Kind is {kind}, but no traffic router is registered for it (the built-in one comes with AddBuiltInTrafficRouter()).");
        });
        return services;
    }
}
