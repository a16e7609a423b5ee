using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.LiveMetrics;

/// <summary>
/// <c>GET /api/live/status</c>: what the shared poller has done — polls, chart reads, freshness.
/// Lets operators (and tests) see that the query load does not grow with the number of viewers.
/// </summary>
public static class LiveStatusEndpoint
{
    public static IEndpointRouteBuilder MapLiveStatus(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/live/status", (LiveMetricsPoller poller, IOptions<LiveMetricsOptions> options) =>
        {
            var state = poller.Current;
            return new LiveStatus(
                poller.PollCount,
                poller.ChartReads,
                options.Value.PollInterval.TotalSeconds,
                state.LastSuccessAt,
                state.LastAttemptAt,
                state.IsStale,
                state.StaleReason);
        })
        .WithName("GetLiveStatus")
        .WithTags("Live metrics");
        return endpoints;
    }
}
