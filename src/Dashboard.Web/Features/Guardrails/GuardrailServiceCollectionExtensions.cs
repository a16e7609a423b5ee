using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Guardrails;

public static class GuardrailServiceCollectionExtensions
{
    /// <summary>
    /// Registers the validated <c>Guardrails</c> options, the status board, the actions, the router
    /// retry and the <see cref="GuardrailMonitor"/> that polls. Needs <c>AddMetricsReader</c>,
    /// <c>AddStateStore</c>, <c>AddLeadership</c>, <c>AddTrafficRouting</c>, <c>AddRollouts</c> and <c>AddNotifications</c>.
    /// </summary>
    public static IServiceCollection AddGuardrails(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<GuardrailOptions>().Bind(configuration.GetSection(GuardrailOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GuardrailOptions>, GuardrailOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<GuardrailStatusBoard>();
        services.TryAddSingleton<RouterConfirmation>();
        services.TryAddSingleton<GuardrailActions>();
        services.TryAddSingleton<GuardrailNearMissRecorder>();
        services.TryAddSingleton<GuardrailEvidenceFeed>();
        services.TryAddSingleton<GuardrailMemoryKeeper>();
        services.AddHostedService<GuardrailMonitor>();
        return services;
    }

    /// <summary>Maps <c>GET /api/guardrails/status</c>.</summary>
    public static IEndpointRouteBuilder MapGuardrailEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/api/guardrails/status", (GuardrailStatusBoard board) => board.Current)
            .WithTags("Guardrails").WithName("GetGuardrailStatus")
            .WithSummary("The latest guardrail poll: data age, window, blind reason; per watched rollout each trigger and contingency rule with its live values and streak; router alerts.")
            .Produces<GuardrailStatus>();
        return endpoints;
    }
}
