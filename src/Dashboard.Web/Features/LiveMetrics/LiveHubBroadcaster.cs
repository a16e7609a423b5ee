using Microsoft.AspNetCore.SignalR;

namespace Dashboard.Web.Features.LiveMetrics;

/// <summary>
/// Forwards every published state to the <see cref="LiveHub"/> clients: one message per audience, built once and sent to
/// the audience's group, so SignalR serializes each shape once per poll however many are watching. Only the states this
/// instance's poller read: with more than one instance the hub's Redis backplane takes them to every instance's clients,
/// which would otherwise get each state twice (docs/high-availability.md#bus).
/// </summary>
public sealed partial class LiveHubBroadcaster(
    ILiveDashboardFeed feed,
    IHubContext<LiveHub> hub,
    ILogger<LiveHubBroadcaster> logger) : IHostedService
{
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

    private void OnChanged(LiveDashboardState state)
    {
        if (!state.FromAnotherInstance)
        {
            _ = BroadcastAsync(state);
        }
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
