using Dashboard.Core.Rollouts;
using Dashboard.Core.Routing;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Web.Shared.Live;

namespace Dashboard.Web.Features.TrafficDrift;

/// <summary>
/// Compares the router's actual split with the weight the rollout of record wants and keeps the
/// latest <see cref="TrafficDriftReport"/>. It only reads: drift is reported, never corrected here —
/// correcting is <c>RolloutService.ReconcileTrafficAsync</c>, an audited action a person takes. A drift's start and end
/// are put on the record by the <see cref="TrafficDriftRecorder"/> before the report is told to anyone. Only the
/// automation lease holder checks on its own (<see cref="TrafficDriftWatcher"/>); the <see cref="IInstanceBus"/> takes
/// each report to the other instances, whose banners show it as it is (docs/high-availability.md#bus).
/// </summary>
public sealed partial class TrafficDriftMonitor
{
    public const string BusChannel = "drift";

    private readonly Lock sync = new();
    private readonly RolloutStore store;
    private readonly ITrafficRouter router;
    private readonly TrafficDriftRecorder recorder;
    private readonly TimeProvider timeProvider;
    private readonly ILogger<TrafficDriftMonitor> logger;
    private readonly IInstanceBus bus;
    private TrafficDriftReport current;
    private long checksStarted;
    private long newestPublished;

    public TrafficDriftMonitor(
        RolloutStore store, ITrafficRouter router, TrafficDriftRecorder recorder, TimeProvider timeProvider, ILogger<TrafficDriftMonitor> logger, IInstanceBus? bus = null)
    {
        ArgumentNullException.ThrowIfNull(router);
        this.store = store;
        this.router = router;
        this.recorder = recorder;
        this.timeProvider = timeProvider;
        this.logger = logger;
        this.bus = bus ?? SingleInstanceBus.Instance;
        current = TrafficDriftReport.NotChecked(router.Name);
        this.bus.Subscribe<TrafficDriftReport>(BusChannel, Adopt);
    }

    /// <summary>Raised after every check with its report; handlers run on the checking thread and their failures are logged.</summary>
    public event Action<TrafficDriftReport>? Changed;

    /// <summary>The latest report; <see cref="TrafficDriftKind.NotChecked"/> until the first check ends.</summary>
    public TrafficDriftReport Current
    {
        get
        {
            lock (sync)
            {
                return current;
            }
        }
    }

    /// <summary>Reads the state store and the router now. Never throws for their failures: they are reported.</summary>
    public async Task<TrafficDriftReport> CheckAsync(CancellationToken cancellationToken = default)
    {
        var sequence = Interlocked.Increment(ref checksStarted);
        var report = await CompareAsync(cancellationToken);
        await recorder.RecordAsync(sequence, report, cancellationToken);
        if (Publish(sequence, report))
        {
            bus.Publish(BusChannel, "report", report);
        }

        return report;
    }

    // Another instance's check: shown as it is unless this instance already shows a newer one (the bus may repeat a message).
    private void Adopt(TrafficDriftReport report)
    {
        TrafficDriftKind previous;
        lock (sync)
        {
            if (current.CheckedAt is { } shown && (report.CheckedAt is not { } checkedAt || checkedAt <= shown))
            {
                return;
            }

            previous = current.Kind;
            current = report;
        }

        Tell(previous, report);
    }

    private async Task<TrafficDriftReport> CompareAsync(CancellationToken cancellationToken)
    {
        var at = timeProvider.GetUtcNow();
        RolloutSnapshot? snapshot;
        try
        {
            snapshot = await store.FindLatestStartedAsync(cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogStateUnreadable(ex);
            return TrafficDriftReport.StateUnreadable(at, router.Name, ex.Message);
        }

        var rollout = snapshot is null ? null : OfRecord(snapshot);
        TrafficWeights observed;
        try
        {
            observed = await router.ReadAsync(cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Every router failure should be a TrafficRouterException; anything else is reported the same way rather than thrown.
            var problem = ex is TrafficRouterException { RouterMessage: { Length: > 0 } said } ? $"{ex.Message} ({said})" : ex.Message;
            return TrafficDriftReport.RouterUnreadable(at, router.Name, rollout, snapshot?.CanaryWeightPercent, problem);
        }

        return snapshot is null
            ? TrafficDriftReport.NothingRecorded(at, router.Name, observed)
            : TrafficDriftReport.Compared(at, router.Name, observed, OfRecord(snapshot), snapshot.CanaryWeightPercent);
    }

    private static RolloutOfRecord OfRecord(RolloutSnapshot snapshot) =>
        new(snapshot.Id, snapshot.Service, snapshot.BaselineVersion, snapshot.CandidateVersion, snapshot.Status.ToString());

    /// <returns>False when a check that started later has already been published.</returns>
    private bool Publish(long sequence, TrafficDriftReport report)
    {
        TrafficDriftKind previous;
        lock (sync)
        {
            // Checks may overlap (the watcher, a REST call); the one that started last has the freshest view.
            if (sequence < newestPublished)
            {
                return false;
            }

            newestPublished = sequence;
            previous = current.Kind;
            current = report;
        }

        Tell(previous, report);
        return true;
    }

    private void Tell(TrafficDriftKind previous, TrafficDriftReport report)
    {
        if (report.Kind != previous)
        {
            LogKindChanged(report.Kind is TrafficDriftKind.InSync or TrafficDriftKind.NothingRecorded ? LogLevel.Information : LogLevel.Warning, report.Kind, report.Message);
        }

        foreach (var handler in Changed?.GetInvocationList().Cast<Action<TrafficDriftReport>>() ?? [])
        {
            try
            {
                handler(report);
            }
            catch (Exception ex)
            {
                LogHandlerFailed(ex);
            }
        }
    }

    [LoggerMessage(Message = "Traffic drift check: {Kind}. {Message}")]
    private partial void LogKindChanged(LogLevel level, TrafficDriftKind kind, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Traffic drift check could not read the state store")]
    private partial void LogStateUnreadable(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A subscriber failed to handle a traffic drift report")]
    private partial void LogHandlerFailed(Exception exception);
}
