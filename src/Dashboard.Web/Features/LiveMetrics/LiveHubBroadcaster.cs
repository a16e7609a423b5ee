using Microsoft.AspNetCore.SignalR;

namespace Dashboard.Web.Features.LiveMetrics;

/// <summary>
/// Forwards every published state to the <see cref="LiveHub"/> clients: one message per audience, built once and sent to
/// the audience's group, so SignalR serializes each shape once per poll however many are watching. Each instance sends to
/// its own hub clients every state, read by its own poller or brought by the bus from the lease holder's; a hub client is
/// connected to one instance, so it gets each state once (docs/high-availability.md#bus).
/// </summary>
public sealed partial class LiveHubBroadcaster(
    ILiveDashboardFeed feed,
    IHubContext<LiveHub> hub,
    ILogger<LiveHubBroadcaster> logger) : IHostedService
{
    private readonly Lock sentGate = new();
    private DateTimeOffset? lastSentPoll;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        feed.Changed += OnChanged;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        feed.Changed -= OnChanged;
        return Task.CompletedTask;
    }

    // The hub's messages carry no charts: a state that only brought a chart (a follower receives charts apart from the
    // poll's state) is the same message again, so each poll is sent once.
    private void OnChanged(LiveDashboardState state)
    {
        lock (sentGate)
        {
            if (state.LastAttemptAt is { } poll && poll == lastSentPoll)
            {
                return;
            }

            lastSentPoll = state.LastAttemptAt;
        }

        _ = BroadcastAsync(state);
    }

    private async Task BroadcastAsync(LiveDashboardState state)
    {
        try
        {
            await Task.WhenAll(
                hub.Clients.Group(LiveHub.GroupOf(LiveHubAudience.Members)).SendAsync(LiveHub.StateMessage, LiveStateMessage.From(state)),
                hub.Clients.Group(LiveHub.GroupOf(LiveHubAudience.Screens)).SendAsync(LiveHub.StateMessage, ScreenStateMessage.From(state)));
        }
        catch (Exception ex)
        {
            LogBroadcastFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Broadcasting the live state to hub clients failed")]
    private partial void LogBroadcastFailed(Exception exception);
}
