using Dashboard.Core.Monitoring;
using Dashboard.Web.Shared.Live;

namespace Dashboard.Web.Features.Monitoring;

/// <summary>
/// Tells open pages that a health check was saved, so they re-read the store. In-process, like
/// <see cref="Rollouts.RolloutChangeFeed"/>; handlers run on the saving thread and a failing one is
/// logged, never failing the check.
/// </summary>
public sealed partial class HealthCheckFeed(ILogger<HealthCheckFeed> logger) : IChangeFeed<HealthCheckSaved>
{
    public event Action<HealthCheckSaved>? Saved;

    public IDisposable Subscribe(Action<HealthCheckSaved> handler)
    {
        Saved += handler;
        return new ChangeSubscription(() => Saved -= handler);
    }

    public void Publish(HealthCheckSaved saved)
    {
        foreach (var handler in Saved?.GetInvocationList().Cast<Action<HealthCheckSaved>>() ?? [])
        {
            try
            {
                handler(saved);
            }
            catch (Exception ex)
            {
                LogHandlerFailed(ex, saved.Id);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A subscriber failed to handle health check {Id}")]
    private partial void LogHandlerFailed(Exception exception, Guid id);
}

/// <summary>Health check <paramref name="Id"/> of <paramref name="Cadence"/> was saved, for <paramref name="RolloutId"/> (null: no active rollout).</summary>
public sealed record HealthCheckSaved(Guid Id, MonitoringCadence Cadence, Guid? RolloutId);
