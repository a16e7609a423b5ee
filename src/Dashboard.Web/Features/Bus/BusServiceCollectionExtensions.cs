using Dashboard.Web.Shared.Live;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Bus;

public static class BusServiceCollectionExtensions
{
    /// <summary>
    /// The bus between instances: with <c>Bus:Redis</c>, <see cref="RedisInstanceBus"/>; without it,
    /// <see cref="SingleInstanceBus"/> (everything stays in the process, as alone). The live hub needs no backplane: each
    /// instance's broadcasters send what the bus brings to their own clients.
    /// </summary>
    public static IServiceCollection AddBus(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BusOptions>().Bind(configuration.GetSection(BusOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BusOptions>, BusOptionsValidator>();
        if (!BusOptions.IsConfiguredIn(configuration))
        {
            services.AddSingleton<IInstanceBus>(SingleInstanceBus.Instance);
            return services;
        }

        services.AddSingleton<RedisInstanceBus>();
        services.AddSingleton<IInstanceBus>(sp => sp.GetRequiredService<RedisInstanceBus>());
        services.AddHostedService(sp => sp.GetRequiredService<RedisInstanceBus>());
        return services;
    }
}
