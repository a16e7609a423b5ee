using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dashboard.Web.Features.SignOffs;

public static class SignOffServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="GateService"/> and the <see cref="GateWatcher"/> that opens an already signed gate
    /// when its phase asks for sign-off. Needs <c>AddStateStore</c> (for the gate records) and <c>AddRollouts</c>.
    /// </summary>
    public static IServiceCollection AddSignOffs(this IServiceCollection services)
    {
        services.TryAddSingleton<GateService>();
        services.AddHostedService<GateWatcher>();
        return services;
    }
}
