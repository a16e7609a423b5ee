using Dashboard.Web.Shared.Live;

namespace Dashboard.Web.Features.Shifts;

/// <summary>
/// Tells open pages that a roster or a handoff was saved, so they re-read the store (pages follow it with
/// <see cref="LiveReload{TChange}"/>). In-process, like the rollouts' feed; a failing handler is logged, never failing the save.
/// The <see cref="IInstanceBus"/> carries the news to the other instances' pages (docs/high-availability.md#bus); only
/// views follow this feed, so the news needs no origin.
/// </summary>
public sealed partial class ShiftFeed : IChangeFeed<ShiftChanged>
{
    public const string BusChannel = "shifts";

    private readonly ILogger<ShiftFeed> logger;
    private readonly IInstanceBus bus;

    public ShiftFeed(ILogger<ShiftFeed> logger, IInstanceBus? bus = null)
    {
        this.logger = logger;
        this.bus = bus ?? SingleInstanceBus.Instance;
        this.bus.Subscribe<ShiftChanged>(BusChannel, Deliver);
    }

    public event Action<ShiftChanged>? Changed;

    public IDisposable Subscribe(Action<ShiftChanged> handler)
    {
        Changed += handler;
        return new ChangeSubscription(() => Changed -= handler);
    }

    public void Publish(ShiftChanged change)
    {
        ArgumentNullException.ThrowIfNull(change);
        Deliver(change);
        bus.Publish(BusChannel, change.ShiftId ?? "roster", change);
    }

    private void Deliver(ShiftChanged change)
    {
        foreach (var handler in Changed?.GetInvocationList().Cast<Action<ShiftChanged>>() ?? [])
        {
            try
            {
                handler(change);
            }
            catch (Exception ex)
            {
                LogHandlerFailed(ex, change.ShiftId ?? "roster");
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A subscriber failed to handle the change of shift {ShiftId}")]
    private partial void LogHandlerFailed(Exception exception, string shiftId);
}
