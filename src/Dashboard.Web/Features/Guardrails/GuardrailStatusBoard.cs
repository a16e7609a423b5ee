using Dashboard.Web.Shared.Live;

namespace Dashboard.Web.Features.Guardrails;

/// <summary>
/// The guardrails' latest status, in memory: the monitor publishes each poll, the router retry raises,
/// updates and clears alerts. Pages and the REST endpoint read <see cref="Current"/> and subscribe to
/// <see cref="Changed"/>; handlers run on the publishing thread and their failures are logged. The guardrails run on
/// one instance (the lease holder); the <see cref="IInstanceBus"/> takes each new status to the other instances, whose
/// boards show it as it is (docs/high-availability.md#bus).
/// </summary>
public sealed partial class GuardrailStatusBoard
{
    public const string BusChannel = "guardrails";

    private readonly Lock sync = new();
    private readonly ILogger<GuardrailStatusBoard> logger;
    private readonly IInstanceBus bus;
    private GuardrailStatus current = GuardrailStatus.Initial;

    public GuardrailStatusBoard(ILogger<GuardrailStatusBoard> logger, IInstanceBus? bus = null)
    {
        this.logger = logger;
        this.bus = bus ?? SingleInstanceBus.Instance;
        this.bus.Subscribe<GuardrailStatus>(BusChannel, status => Update(_ => status, fromAnotherInstance: true));
    }

    public event Action<GuardrailStatus>? Changed;

    public GuardrailStatus Current
    {
        get
        {
            lock (sync)
            {
                return current;
            }
        }
    }

    /// <summary>Replaces the poll's part of the status; alerts are kept as they are.</summary>
    public void PublishPoll(GuardrailStatus poll)
    {
        ArgumentNullException.ThrowIfNull(poll);
        Update(status => poll with { Alerts = status.Alerts });
    }

    /// <summary>Raises or updates the alert of <see cref="RouterAlert.RolloutId"/>.</summary>
    public void SetAlert(RouterAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        Update(status => status with { Alerts = [.. status.Alerts.Where(a => a.RolloutId != alert.RolloutId), alert] });
    }

    public void ClearAlert(Guid rolloutId) =>
        Update(status => status with { Alerts = [.. status.Alerts.Where(a => a.RolloutId != rolloutId)] });

    private void Update(Func<GuardrailStatus, GuardrailStatus> change, bool fromAnotherInstance = false)
    {
        GuardrailStatus next;
        lock (sync)
        {
            next = current = change(current);

            // Under the lock, so the other instances receive the statuses in the order they were made.
            if (!fromAnotherInstance)
            {
                bus.Publish(BusChannel, "status", next);
            }
        }

        foreach (var handler in Changed?.GetInvocationList().Cast<Action<GuardrailStatus>>() ?? [])
        {
            try
            {
                handler(next);
            }
            catch (Exception ex)
            {
                LogHandlerFailed(ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A subscriber failed to handle the guardrail status")]
    private partial void LogHandlerFailed(Exception exception);
}
