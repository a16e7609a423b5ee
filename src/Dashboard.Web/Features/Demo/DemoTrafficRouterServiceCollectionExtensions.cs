using Dashboard.Core.Routing;
using Dashboard.Infrastructure.Routing;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dashboard.Web.Features.Demo;

public static class DemoTrafficRouterServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="DemoTrafficRouter"/> as the keyed <see cref="ITrafficRouter"/>
    /// <see cref="RoutingKind.BuiltIn"/>, which <c>AddTrafficRouting</c> resolves when
    /// <c>Routing:Kind</c> is <c>BuiltIn</c>, and the <see cref="DemoTrafficSplitRestorer"/> that starts its
    /// split at the weight of record. Needs <c>AddDemo</c> for the <see cref="DemoTrafficSplit"/> and
    /// <c>AddStateStore</c> for the record.
    /// </summary>
    public static IServiceCollection AddBuiltInTrafficRouter(this IServiceCollection services)
    {
        services.TryAddKeyedSingleton<ITrafficRouter, DemoTrafficRouter>(RoutingKind.BuiltIn);
        services.AddHostedService<DemoTrafficSplitRestorer>();
        return services;
    }
}
