using System.Security.Claims;
using Dashboard.Web.Features.Access;
using Microsoft.AspNetCore.SignalR;

namespace Dashboard.Web.Features.LiveMetrics;

/// <summary>
/// SignalR hub at <c>/hubs/live</c> for clients other than the Blazor pages (scripts, other dashboards). Each connection
/// joins the group of its <see cref="LiveHubAudience"/> and gets only what that caller's pages show: a kiosk screen what
/// <c>/warroom</c> shows, a member what the REST API shows. Pushes <c>state</c> messages after every poll;
/// <see cref="GetCurrent"/> returns the latest one on demand. <see cref="LiveHubSessions"/> closes a connection whose
/// session ended (docs/security.md, "Live hub").
/// </summary>
public sealed class LiveHub(ILiveDashboardFeed feed, LiveHubSessions sessions) : Hub
{
    public const string Path = "/hubs/live";
    public const string StateMessage = "state";

    /// <summary>Kiosk screens (and any caller not known to be a member): fail safe to the smallest shape.</summary>
    public static LiveHubAudience AudienceOf(ClaimsPrincipal? user) =>
        WarRoomClaims.KindOf(user) is ActorKind.Person or ActorKind.ApiKey ? LiveHubAudience.Members : LiveHubAudience.Screens;

    /// <summary>The SignalR group of <paramref name="audience"/>, for broadcasters that shape one message per group.</summary>
    public static string GroupOf(LiveHubAudience audience) => audience switch
    {
        LiveHubAudience.Members => "members",
        _ => "screens",
    };

    public override async Task OnConnectedAsync()
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, GroupOf(AudienceOf(Context.User)), Context.ConnectionAborted);
        // Last: a connect that failed above never reaches OnDisconnectedAsync, so it must not be tracked.
        sessions.Track(Context);
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        sessions.Forget(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    /// <summary>A <see cref="LiveStateMessage"/> for a member, a <see cref="ScreenStateMessage"/> for a screen (sent as its own type).</summary>
    public object GetCurrent() => AudienceOf(Context.User) == LiveHubAudience.Members
        ? LiveStateMessage.From(feed.Current)
        : ScreenStateMessage.From(feed.Current);
}
