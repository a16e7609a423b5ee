namespace Dashboard.Web.Features.Rollouts;

/// <summary>
/// Tells every open page and hub client that a rollout changed: after it is created, after each
/// command is saved, and after each traffic change settles. Carries only the id — subscribers read
/// the saved state, so nobody is ever shown what was not persisted. Handlers run on the caller's
/// thread; a failing handler is logged and never fails the command.
/// </summary>
public sealed partial class RolloutChangeFeed(TimeProvider timeProvider, ILogger<RolloutChangeFeed> logger)
{
    public event Action<RolloutChanged>? Changed;

    public void Publish(Guid rolloutId)
    {
        var change = new RolloutChanged(rolloutId, timeProvider.GetUtcNow());
        foreach (var handler in Changed?.GetInvocationList().Cast<Action<RolloutChanged>>() ?? [])
        {
            try
            {
                handler(change);
            }
            catch (Exception ex)
            {
                LogHandlerFailed(ex, rolloutId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A subscriber failed to handle the change of rollout {RolloutId}")]
    private partial void LogHandlerFailed(Exception exception, Guid rolloutId);
}

/// <summary>Rollout <paramref name="RolloutId"/> has a new saved state since <paramref name="At"/>.</summary>
public sealed record RolloutChanged(Guid RolloutId, DateTimeOffset At);
