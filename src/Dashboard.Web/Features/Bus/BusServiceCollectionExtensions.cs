using Dashboard.Web.Features.LiveMetrics;
using Dashboard.Web.Shared.Live;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Dashboard.Web.Features.Bus;

public static class BusServiceCollectionExtensions
{
    /// <summary>
    /// The bus between instances: with <c>Bus:Redis</c>, <see cref="RedisInstanceBus"/> and the SignalR Redis backplane
    /// for <see cref="LiveHub"/>; without it, <see cref="SingleInstanceBus"/> (everything stays in the process, as alone).
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

        // The backplane for the live hub only: a hub client on B hears what A's broadcasters send. Blazor circuits are
        // sticky to their instance and must keep working while Redis is down, so their hub stays in-process.
        services.AddOptions<RedisOptions>().Configure<IOptions<BusOptions>>((redis, bus) =>
        {
            redis.Configuration = ConfigurationOptions.Parse(bus.Value.Redis!);
            redis.Configuration.AbortOnConnectFail = false;
            redis.Configuration.ChannelPrefix = RedisChannel.Literal("warroom.hub");
        });
        services.AddSingleton<HubLifetimeManager<LiveHub>, RedisHubLifetimeManager<LiveHub>>();
        return services;
    }
}
