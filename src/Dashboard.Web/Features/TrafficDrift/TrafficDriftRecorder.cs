using Dashboard.Core.History;
using Dashboard.Infrastructure.Persistence.Audit;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Features.Rollouts;

namespace Dashboard.Web.Features.TrafficDrift;

/// <summary>
/// Puts drift on the record (docs/traffic.md): one <see cref="DriftAuditKinds.Started"/> when a rollout's drift is first
/// seen and one <see cref="DriftAuditKinds.Ended"/> when it is over — never one per check. The open episodes are read
/// back from the log at the first report, so a restart does not record a known drift again. Each write is persisted
/// before anything is told: the rollout's change is published after it, and the monitor tells its listeners after
/// this returns. A failed write is logged and tried again at the next check; the check itself goes on.
/// </summary>
public sealed partial class TrafficDriftRecorder(
    AuditLog auditLog, AuditWindowQuery audit, RolloutChangeFeed changes, TimeProvider timeProvider, ILogger<TrafficDriftRecorder> logger) : IDisposable
{
    private static readonly string[] Kinds = [DriftAuditKinds.Started, DriftAuditKinds.Ended];
    private static readonly string[] Reconciled = ["traffic.reconciled"];

    private readonly SemaphoreSlim _gate = new(1, 1);
    private Dictionary<Guid, DateTimeOffset>? _open;
    private long _newest;

    /// <summary>Records what <paramref name="report"/> starts or ends; a report older than one already handled (checks overlap) is ignored.</summary>
    public async Task RecordAsync(long sequence, TrafficDriftReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (sequence < _newest)
            {
                return;
            }

            _newest = sequence;
            var open = _open ??= await ReadOpenAsync(cancellationToken);
            foreach (var (id, how) in DriftEpisodes.Ending(open, report))
            {
                if (await EndAsync(id, open[id], how, report, cancellationToken))
                {
                    open.Remove(id);
                }
            }

            if (DriftEpisodes.Starts(open, report) && await StartAsync(report, cancellationToken))
            {
                open[report.Rollout!.Id] = report.CheckedAt!.Value;
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogFailed(ex, report.Kind);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    // The last drift event of each rollout: a Started one is an episode still open.
    private async Task<Dictionary<Guid, DateTimeOffset>> ReadOpenAsync(CancellationToken cancellationToken) =>
        (await audit.LatestPerRolloutAsync(DateTimeOffset.MaxValue, Kinds, cancellationToken))
            .Where(e => e.Kind == DriftAuditKinds.Started)
            .ToDictionary(e => e.RolloutId!.Value, e => AuditPayload.Read(e.PayloadJson, p => p.Time("since")) ?? e.At);

    private Task<bool> StartAsync(TrafficDriftReport report, CancellationToken cancellationToken) =>
        AppendAsync(report.Rollout!.Id, DriftAuditKinds.Started, new
        {
            router = report.Router,
            observedCanaryPercent = report.Observed?.CanaryPercent,
            observedCanaryWeight = report.Observed?.CanaryWeight,
            observedBaselineWeight = report.Observed?.BaselineWeight,
            recordedPercent = report.RecordedPercent,
            since = report.CheckedAt,
            message = report.Message,
        }, cancellationToken);

    private async Task<bool> EndAsync(Guid rolloutId, DateTimeOffset since, DriftEnd how, TrafficDriftReport report, CancellationToken cancellationToken)
    {
        var endedAt = report.CheckedAt ?? timeProvider.GetUtcNow();
        string? reconciledBy = null;
        if (how == DriftEnd.BackInStep
            && (await audit.ReadAsync(since, endedAt.AddTicks(1), Reconciled, rolloutId, cancellationToken)) is { Count: > 0 } reconciles)
        {
            how = DriftEnd.Reconciled;
            reconciledBy = reconciles[^1].Actor;
        }

        return await AppendAsync(rolloutId, DriftAuditKinds.Ended, new
        {
            router = report.Router,
            since,
            endedAt,
            seconds = Math.Round((endedAt - since).TotalSeconds, 1),
            how = how.ToString(),
            reconciledBy,
            observedCanaryPercent = report.Observed?.CanaryPercent,
            recordedPercent = report.Rollout?.Id == rolloutId ? report.RecordedPercent : null,
        }, cancellationToken);
    }

    private async Task<bool> AppendAsync(Guid rolloutId, string kind, object payload, CancellationToken cancellationToken)
    {
        try
        {
            await auditLog.AppendAsync(AutomationActors.DriftCheck.Name, kind, rolloutId, payload, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogWriteFailed(ex, kind, rolloutId);
            return false;
        }

        changes.Publish(rolloutId);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not record {Kind} of rollout {RolloutId}; tried again at the next check")]
    private partial void LogWriteFailed(Exception exception, string kind, Guid rolloutId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not put a {Kind} drift report on the record; tried again at the next check")]
    private partial void LogFailed(Exception exception, TrafficDriftKind kind);
}
