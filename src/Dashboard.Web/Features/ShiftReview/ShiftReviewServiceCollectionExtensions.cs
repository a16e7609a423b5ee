using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dashboard.Web.Features.ShiftReview;

public static class ShiftReviewServiceCollectionExtensions
{
    /// <summary>
    /// Registers the timeline, summary and watch-next services. Needs <c>AddStateStore</c>, <c>AddRollouts</c>,
    /// <c>AddCheckpoints</c>, <c>AddIncidents</c>, <c>AddSignOffs</c> and <c>AddGuardrails</c>.
    /// </summary>
    public static IServiceCollection AddShiftReview(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ShiftTimelineService>();
        services.TryAddSingleton<ShiftSummaryService>();
        services.TryAddSingleton<WatchNextService>();
        return services;
    }
}
