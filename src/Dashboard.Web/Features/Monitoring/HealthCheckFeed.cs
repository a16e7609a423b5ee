using Dashboard.Core.Monitoring;
using Dashboard.Web.Shared.Live;

namespace Dashboard.Web.Features.Monitoring;

/// <summary>
/// Tells open pages that a health check was saved, so they re-read the store. In-process, like
/// <see cref="Rollouts.RolloutChangeFeed"/>; handlers run on the saving thread and a failing one is
/// logged, never failing the check. The <see cref="IInstanceBus"/> carries the news to the other instances' pages
/// (docs/high-availability.md#bus); only views follow this feed, so the news needs no origin.
/// </summary>
public sealed partial class HealthCheckFeed : IChangeFeed<HealthCheckSaved>
{
    public const string BusChannel = "healthChecks";

    private readonly ILogger<HealthCheckFeed> logger;
    private readonly IInstanceBus bus;

    public HealthCheckFeed(ILogger<HealthCheckFeed> logger, IInstanceBus? bus = null)
    {
        this.logger = logger;
        this.bus = bus ?? SingleInstanceBus.Instance;
        this.bus.Subscribe<HealthCheckSaved>(BusChannel, Deliver);
    }

    public event Action<HealthCheckSaved>? Saved;

    public IDisposable Subscribe(Action<HealthCheckSaved> handler)
    {
        Saved += handler;
        return new ChangeSubscription(() => Saved -= handler);
    }

    public void Publish(HealthCheckSaved saved)
    {
        ArgumentNullException.ThrowIfNull(saved);
        Deliver(saved);
        bus.Publish(BusChannel, $"{saved.Cadence}:{saved.RolloutId}", saved);
    }

    private void Deliver(HealthCheckSaved saved)
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
