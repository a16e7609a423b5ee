using Dashboard.Core.Rollouts;
using Dashboard.Core.Rollouts.Events;
using Dashboard.Web.Shared.Live;

namespace Dashboard.Web.Features.Rollouts;

/// <summary>
/// Tells every open page, hub client and notifier that a rollout changed: after it is created, after
/// each command is saved (with the command's events), and after each traffic change settles (with the
/// settled change). Pages read the saved state by id, so nobody is ever shown what was not persisted.
/// Handlers run on the caller's thread; a failing handler is logged and never fails the command. With more than one
/// instance, the <see cref="IInstanceBus"/> carries the rollout's id to the others, whose subscribers get it with
/// <see cref="RolloutChanged.FromAnotherInstance"/> and without the events: views re-read by id, and whoever acts on the
/// events acts where they were saved (docs/high-availability.md#bus).
/// </summary>
public sealed partial class RolloutChangeFeed : IChangeFeed<RolloutChanged>
{
    public const string BusChannel = "rollouts";

    private readonly TimeProvider timeProvider;
    private readonly ILogger<RolloutChangeFeed> logger;
    private readonly IInstanceBus bus;

    public RolloutChangeFeed(TimeProvider timeProvider, ILogger<RolloutChangeFeed> logger, IInstanceBus? bus = null)
    {
        this.timeProvider = timeProvider;
        this.logger = logger;
        this.bus = bus ?? SingleInstanceBus.Instance;
        this.bus.Subscribe<Guid>(BusChannel, rolloutId =>
            Deliver(new RolloutChanged(rolloutId, timeProvider.GetUtcNow(), []) { FromAnotherInstance = true }));
    }

    public event Action<RolloutChanged>? Changed;

    public IDisposable Subscribe(Action<RolloutChanged> handler)
    {
        Changed += handler;
        return new ChangeSubscription(() => Changed -= handler);
    }

    /// <param name="rolloutId">The rollout that changed.</param>
    /// <param name="events">The saved command's events; empty for a settled traffic change.</param>
    /// <param name="settled">The traffic change that was just settled (applied or failed), if that is the news.</param>
    public void Publish(Guid rolloutId, IReadOnlyList<RolloutEvent>? events = null, TrafficChange? settled = null)
    {
        Deliver(new RolloutChanged(rolloutId, timeProvider.GetUtcNow(), events ?? [], settled));
        bus.Publish(BusChannel, rolloutId.ToString(), rolloutId);
    }

    private void Deliver(RolloutChanged change)
    {
        foreach (var handler in Changed?.GetInvocationList().Cast<Action<RolloutChanged>>() ?? [])
        {
            try
            {
                handler(change);
            }
            catch (Exception ex)
            {
                LogHandlerFailed(ex, change.RolloutId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A subscriber failed to handle the change of rollout {RolloutId}")]
    private partial void LogHandlerFailed(Exception exception, Guid rolloutId);
}

/// <summary>Rollout <paramref name="RolloutId"/> has a new saved state since <paramref name="At"/>.</summary>
/// <param name="RolloutId">The rollout.</param>
/// <param name="At">When the change was published.</param>
/// <param name="Events">The saved command's events, in order; empty when the news is a settled traffic change.</param>
/// <param name="SettledChange">The traffic change that was just applied or failed, if any.</param>
public sealed record RolloutChanged(Guid RolloutId, DateTimeOffset At, IReadOnlyList<RolloutEvent> Events, TrafficChange? SettledChange = null)
{
    /// <summary>True when another instance saved the change and the bus brought the news (docs/high-availability.md):
    /// views show it like any other; whoever reacts by acting (a notification) acts only on its own instance's changes.</summary>
    public bool FromAnotherInstance { get; init; }
}
