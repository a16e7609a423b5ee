using Dashboard.Web.Features.LiveMetrics;
using Microsoft.AspNetCore.SignalR;

namespace Dashboard.Web.Features.Rollouts;

/// <summary>
/// Forwards every saved rollout change to the clients of <see cref="LiveHub"/> as a <c>rollout</c> message: to members
/// the rollout as the REST API shows it, to kiosk screens as <c>/warroom</c> shows it (<see cref="ScreenRolloutView"/>);
/// each shape is built and serialized once per change. Each instance sends to its own hub clients every change, its own and
/// those the bus brought from other instances; a hub client is connected to one instance, so it gets each change once
/// (docs/high-availability.md#bus).
/// </summary>
public sealed partial class RolloutHubBroadcaster(
    RolloutChangeFeed feed,
    RolloutService rollouts,
    IHubContext<LiveHub> hub,
    ILogger<RolloutHubBroadcaster> logger) : IHostedService
{
    public const string RolloutMessage = "rollout";

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

    private void OnChanged(RolloutChanged change) => _ = BroadcastAsync(change.RolloutId);

    private async Task BroadcastAsync(Guid rolloutId)
    {
        try
        {
            if (await rollouts.FindAsync(rolloutId) is { } rollout)
            {
                await Task.WhenAll(
                    hub.Clients.Group(LiveHub.GroupOf(LiveHubAudience.Members)).SendAsync(RolloutMessage, rollout),
                    hub.Clients.Group(LiveHub.GroupOf(LiveHubAudience.Screens)).SendAsync(RolloutMessage, ScreenRolloutView.From(rollout)));
            }
        }
        catch (Exception ex)
        {
            LogBroadcastFailed(ex, rolloutId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Broadcasting rollout {RolloutId} to hub clients failed")]
    private partial void LogBroadcastFailed(Exception exception, Guid rolloutId);
}
