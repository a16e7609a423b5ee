using Dashboard.Core.Checkpoints;
using Dashboard.Infrastructure.Checkpoints;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dashboard.Web.Features.Incidents;

public static class IncidentServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IncidentService"/>, the incident log as the source of the checkpoints' incident counts
    /// (<see cref="IIncidentCounts"/>) and the <see cref="CriticalIncidentHoldWatcher"/>. Needs <c>AddStateStore</c>,
    /// <c>AddRollouts</c> and the automation lease.
    /// </summary>
    public static IServiceCollection AddIncidents(this IServiceCollection services)
    {
        services.TryAddSingleton<IncidentService>();
        services.AddHostedService<CriticalIncidentHoldWatcher>();
        services.TryAddSingleton<IIncidentCounts, IncidentLogCounts>();
        return services;
    }
}
