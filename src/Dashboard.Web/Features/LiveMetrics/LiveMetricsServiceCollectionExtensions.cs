using Dashboard.Web.Features.LiveMetrics.Components;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.LiveMetrics;

public static class LiveMetricsServiceCollectionExtensions
{
    /// <summary>The shared poller, the in-process feed and the SignalR broadcaster.</summary>
    public static IServiceCollection AddLiveMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LiveMetricsOptions>().Bind(configuration.GetSection(LiveMetricsOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<LiveMetricsOptions>, LiveMetricsOptionsValidator>();
        services.AddSingleton<LiveMetricsPoller>();
        services.AddSingleton(sp => new LiveDashboardSettings(sp.GetRequiredService<IOptions<LiveMetricsOptions>>().Value.PollInterval));
        services.AddSingleton<ILiveDashboardFeed>(sp => sp.GetRequiredService<LiveMetricsPoller>());
        services.AddHostedService(sp => sp.GetRequiredService<LiveMetricsPoller>());
        services.AddHostedService<LiveHubBroadcaster>();
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
