using Microsoft.AspNetCore.SignalR;

namespace Dashboard.Web.Features.LiveMetrics;

/// <summary>
/// SignalR hub at <c>/hubs/live</c> for clients other than the Blazor pages (scripts, other
/// dashboards). Pushes <c>state</c> messages after every poll; <see cref="GetCurrent"/> returns the
/// latest one on demand.
/// </summary>
public sealed class LiveHub(ILiveDashboardFeed feed) : Hub
{
    public const string Path = "/hubs/live";
    public const string StateMessage = "state";

    public LiveStateMessage GetCurrent() => LiveStateMessage.From(feed.Current);
}
