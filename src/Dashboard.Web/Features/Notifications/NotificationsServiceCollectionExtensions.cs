using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Notifications;

public static class NotificationsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the validated <c>Notifications</c> options, the queue and the webhook dispatcher that the
    /// features post to (rollouts, checkpoints, guardrails). With no <c>Notifications:WebhookUrl</c> nothing is queued or sent.
    /// </summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<NotificationOptions>().Bind(configuration.GetSection(NotificationOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NotificationOptions>, NotificationOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(WebhookDispatcher.HttpClientName);
        services.TryAddSingleton<NotificationQueue>();
        services.TryAddSingleton<WebhookDispatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<WebhookDispatcher>());
        return services;
    }

    /// <summary>Maps <c>GET /api/notifications/status</c>.</summary>
    public static IEndpointRouteBuilder MapNotificationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/api/notifications/status", (WebhookDispatcher dispatcher) => dispatcher.Status)
            .WithTags("Notifications").WithName("GetNotificationStatus")
            .WithSummary("Whether a webhook is set, and how many notifications were sent, suppressed as duplicates, failed or dropped.");
        return endpoints;
    }
}
