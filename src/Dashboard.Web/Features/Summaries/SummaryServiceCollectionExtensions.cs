using Dashboard.Web.Features.Checkpoints;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dashboard.Web.Features.Summaries;

public static class SummaryServiceCollectionExtensions
{
    /// <summary>
    /// Registers executive summaries: their generation, the Quartz schedule (run with the checkpoints'
    /// by <see cref="CheckpointScheduleSync"/>) and the reader of the page and API. Needs <c>AddStateStore</c>,
    /// <c>AddCheckpoints</c> and <c>AddIncidents</c>.
    /// </summary>
    public static IServiceCollection AddSummaries(this IServiceCollection services)
    {
        services.TryAddSingleton<SummaryCriteriaReader>();
        services.TryAddSingleton<SummaryHistory>();
        services.TryAddSingleton<SummaryGenerator>();
        services.TryAddSingleton<SummaryRunner>();
        services.TryAddSingleton<SummaryReader>();
        services.TryAddSingleton<SummaryScheduler>();
        services.AddSingleton<IPhaseRunSchedule>(provider => provider.GetRequiredService<SummaryScheduler>());
        return services;
    }
}
