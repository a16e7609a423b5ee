using Dashboard.Core.Checkpoints;
using Dashboard.Infrastructure.Checkpoints;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dashboard.Web.Features.Incidents;

public static class IncidentServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IncidentService"/> and the incident log as the source of the checkpoints'
    /// incident counts (<see cref="IIncidentCounts"/>). Needs <c>AddStateStore</c> and <c>AddRollouts</c>.
    /// </summary>
    public static IServiceCollection AddIncidents(this IServiceCollection services)
    {
        services.TryAddSingleton<IncidentService>();
        services.TryAddSingleton<IIncidentCounts, IncidentLogCounts>();
        return services;
    }
}
