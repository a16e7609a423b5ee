using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Dashboard.Web.Features.Health;

public static class HealthEndpoints
{
    private const string ReadyTag = "ready";

    /// <summary>Readiness checks: InfluxDB and the state store, each bounded by a timeout.</summary>
    public static IServiceCollection AddDashboardHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<InfluxHealthCheck>("influxdb", tags: [ReadyTag], timeout: TimeSpan.FromSeconds(3))
            .AddCheck<StateStoreHealthCheck>("stateStore", tags: [ReadyTag], timeout: TimeSpan.FromSeconds(3));
        return services;
    }

    /// <summary>
    /// <c>/healthz</c>: the process is alive. <c>/readyz</c>: dependencies answer (503 when not). Both open to load balancers
    /// without sign-in; they say nothing about rollouts, and error texts only to signed-in callers (<see cref="HealthReportWriter"/>).
    /// </summary>
    public static IEndpointRouteBuilder MapDashboardHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions
        {
            Predicate = _ => false,
            ResponseWriter = HealthReportWriter.WriteAsync,
        }).AllowAnonymous();
        endpoints.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = HealthReportWriter.WriteAsync,
        }).AllowAnonymous();
        return endpoints;
    }
}
