using Dashboard.Infrastructure.Metrics;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.LiveMetrics;

public static class LiveMetricsServiceCollectionExtensions
{
    /// <summary>
    /// The shared poller, the one <see cref="StalenessRule"/>, the in-process feed, the SignalR broadcaster and the
    /// hub's session re-check. Needs <c>AddMetricsReader</c> (the reader and <c>Metrics:PointInterval</c>) and
    /// <c>AddWarRoomAccess</c> (the session validator and <c>Auth:RevalidationInterval</c>).
    /// </summary>
    public static IServiceCollection AddLiveMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LiveMetricsOptions>().Bind(configuration.GetSection(LiveMetricsOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<LiveMetricsOptions>, LiveMetricsOptionsValidator>();
        services.AddSingleton<LiveMetricsPoller>();
        services.AddSingleton(sp =>
        {
            var live = sp.GetRequiredService<IOptions<LiveMetricsOptions>>().Value;
            return new StalenessRule(sp.GetRequiredService<IOptions<MetricsSchemaOptions>>().Value.PointInterval, live.PollInterval, live.StaleGrace);
        });
        services.AddSingleton<ILiveDashboardFeed>(sp => sp.GetRequiredService<LiveMetricsPoller>());
        services.AddHostedService(sp => sp.GetRequiredService<LiveMetricsPoller>());
        services.AddHostedService<LiveHubBroadcaster>();
        services.AddSingleton<LiveHubSessions>();
        services.AddHostedService(sp => sp.GetRequiredService<LiveHubSessions>());
        services.AddSignalR();
        return services;
    }

    public static IEndpointRouteBuilder MapLiveMetrics(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHub<LiveHub>(LiveHub.Path).RequireAuthorization(Access.AccessPolicies.Screen);
        endpoints.MapLiveStatus();
        return endpoints;
    }
}
