using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dashboard.Web.Features.Reasons;

public static class ReasonsServiceCollectionExtensions
{
    /// <summary>Registers <see cref="RolloutReasons"/>. Needs <c>AddStateStore</c>.</summary>
    public static IServiceCollection AddReasons(this IServiceCollection services)
    {
        services.TryAddSingleton<RolloutReasons>();
        return services;
    }
}
