using Dashboard.Web.Features.Bus;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Dashboard.Web.Features.Health;

public static class HealthEndpoints
{
    private const string ReadyTag = "ready";
    /// <summary>The readiness check of the state store (SQLite or PostgreSQL).</summary>
    public const string StateStoreCheck = "stateStore";
    private const string RedisCheck = "redis";

    /// <summary>The checks every page reports when they fail (<see cref="DependencyWatch"/>).</summary>
    public static IReadOnlySet<string> SharedDependencies { get; } = new HashSet<string>(StringComparer.Ordinal) { StateStoreCheck, RedisCheck };

    /// <summary>
    /// Readiness checks: InfluxDB, the state store and (with <c>Bus:Redis</c>) Redis, each bounded by a timeout; the
    /// <see cref="DependencyWatch"/> that tells every page; and the 503 a request gets when it meets an unreachable
    /// state store (<see cref="StateStoreUnreachableHandler"/>).
    /// </summary>
    public static IServiceCollection AddDashboardHealthChecks(this IServiceCollection services, IConfiguration configuration)
    {
        var checks = services.AddHealthChecks()
            .AddCheck<InfluxHealthCheck>("influxdb", tags: [ReadyTag], timeout: TimeSpan.FromSeconds(3))
            .AddCheck<StateStoreHealthCheck>(StateStoreCheck, tags: [ReadyTag], timeout: TimeSpan.FromSeconds(3));
        if (BusOptions.IsConfiguredIn(configuration))
        {
            checks.AddCheck<RedisHealthCheck>(RedisCheck, tags: [ReadyTag], timeout: TimeSpan.FromSeconds(3));
        }

        services.AddExceptionHandler<StateStoreUnreachableHandler>();
        services.AddSingleton<DependencyWatch>();
        services.AddHostedService(sp => sp.GetRequiredService<DependencyWatch>());
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
