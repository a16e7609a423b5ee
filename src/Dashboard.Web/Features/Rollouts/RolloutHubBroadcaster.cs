using Dashboard.Web.Features.LiveMetrics;
using Microsoft.AspNetCore.SignalR;

namespace Dashboard.Web.Features.Rollouts;

/// <summary>
/// Forwards every saved rollout change to the clients of <see cref="LiveHub"/> as a
/// <c>rollout</c> message carrying the rollout as the REST API shows it.
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
                await hub.Clients.All.SendAsync(RolloutMessage, rollout);
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
