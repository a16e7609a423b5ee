using Dashboard.Core.Rollouts;
using Dashboard.Core.Routing;
using Dashboard.Infrastructure.Persistence;

namespace Dashboard.Web.Features.TrafficDrift;

/// <summary>
/// Compares the router's actual split with the weight the rollout of record wants and keeps the
/// latest <see cref="TrafficDriftReport"/>. It only reads: drift is reported, never corrected here —
/// correcting is <c>RolloutService.ReconcileTrafficAsync</c>, an audited action a person takes. A drift's start and end
/// are put on the record by the <see cref="TrafficDriftRecorder"/> before the report is told to anyone.
/// </summary>
public sealed partial class TrafficDriftMonitor(
    RolloutStore store, ITrafficRouter router, TrafficDriftRecorder recorder, TimeProvider timeProvider, ILogger<TrafficDriftMonitor> logger)
{
    private readonly Lock sync = new();
    private TrafficDriftReport current = TrafficDriftReport.NotChecked(router.Name);
    private long checksStarted;
    private long newestPublished;

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
        Publish(sequence, report);
        return report;
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

    private void Publish(long sequence, TrafficDriftReport report)
    {
        TrafficDriftKind previous;
        lock (sync)
        {
            // Checks may overlap (the watcher, a REST call); the one that started last has the freshest view.
            if (sequence < newestPublished)
            {
                return;
            }

            newestPublished = sequence;
            previous = current.Kind;
            current = report;
        }

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
