using Dashboard.Core.Evaluation;
using Dashboard.Core.Monitoring;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Infrastructure.Persistence.Audit;
using Dashboard.Web.Features.Access;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Monitoring;

/// <summary>
/// The one path for health checks: authorizes the recording, decides what is kept, persists (with an
/// audit event where one is due) and only then tells the pages. Intensive checks run every few
/// seconds, so not every one is kept or audited:
/// <list type="bullet">
/// <item>every non-PASS intensive check is stored; a PASS only when the rollout's previous intensive
/// record is not a PASS or is at least <c>Monitoring:IntensivePassEvery</c> old;</item>
/// <item>an intensive check is audited only when its verdict moves between PASS-or-WARN, FAIL and
/// NO_DATA compared with the rollout's previous intensive record (none counts as PASS); every close,
/// daily and weekly check is audited;</item>
/// <item>intensive records older than <c>Monitoring:RetainIntensiveFor</c> are deleted, checked at most hourly.</item>
/// </list>
/// </summary>
public sealed partial class HealthCheckService(
    HealthCheckStore store,
    AccessAuthorization authorization,
    HealthCheckFeed feed,
    IOptions<MonitoringOptions> options,
    TimeProvider timeProvider,
    ILogger<HealthCheckService> logger)
{
    private const int MaxSummary = 2000;
    private static readonly TimeSpan PruneEvery = TimeSpan.FromHours(1);
    private DateTimeOffset _nextPruneAt = DateTimeOffset.MinValue;


    /// <summary>Records <paramref name="check"/> unless it is a PASS thinned away; true when it was stored.</summary>
    public async Task<bool> RecordAsync(HealthCheck check, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(check);
        if (await authorization.RequireAsync(AutomationActors.Monitoring, Operation.RecordHealthCheck, null, cancellationToken) is { } denial)
        {
            LogRefused(check.Cadence, denial);
            return false;
        }

        var intensive = check.Cadence == MonitoringCadence.Intensive;
        var previous = intensive ? await store.LatestAsync(MonitoringCadence.Intensive, check.RolloutId, cancellationToken) : null;
        var previousVerdict = previous is null ? Verdict.Pass : Enum.Parse<Verdict>(previous.OverallVerdict);
        if (intensive && check.Result.Overall == Verdict.Pass && previous is not null && previousVerdict == Verdict.Pass
            && check.RanAt - previous.RanAt < options.Value.IntensivePassEvery)
        {
            return false;
        }

        var record = new HealthCheckRecord
        {
            Id = Guid.NewGuid(),
            Cadence = check.Cadence.ToString(),
            RolloutId = check.RolloutId,
            PhaseIndex = check.PhaseIndex,
            PhaseName = check.PhaseName,
            WindowStart = check.Window.Start,
            WindowEnd = check.Window.End,
            DueAt = check.DueAt,
            RanAt = check.RanAt,
            OverallVerdict = check.Result.Overall.ToString(),
            Summary = check.Result.Summary.Length <= MaxSummary ? check.Result.Summary : check.Result.Summary[..(MaxSummary - 1)] + "…",
            MetricsJson = HealthCheckStore.WriteMetrics(check.Result.Metrics),
        };
        var audited = !intensive || Band(previousVerdict) != Band(check.Result.Overall);
        await store.AddAsync(record, audited ? AuditOf(check) : null, cancellationToken);
        feed.Publish(new HealthCheckSaved(record.Id, check.Cadence, check.RolloutId));
        if (intensive)
        {
            await PruneAsync(cancellationToken);
        }

        return true;
    }

    public async Task<IReadOnlyList<HealthCheckView>> ListAsync(HealthCheckQuery query, CancellationToken cancellationToken = default) =>
        [.. (await store.ListAsync(query, cancellationToken)).Select(HealthCheckView.From)];

    /// <summary>How many checks match <paramref name="query"/>'s filters, for page controls.</summary>
    public Task<int> CountAsync(HealthCheckQuery query, CancellationToken cancellationToken = default) => store.CountAsync(query, cancellationToken);

    /// <summary>The newest check of each cadence for <paramref name="rolloutId"/>; cadences without one are left out.</summary>
    public async Task<IReadOnlyList<HealthCheckView>> LatestPerCadenceAsync(Guid rolloutId, CancellationToken cancellationToken = default)
    {
        var latest = new List<HealthCheckView>();
        foreach (var cadence in Enum.GetValues<MonitoringCadence>())
        {
            if (await store.LatestAsync(cadence, rolloutId, cancellationToken) is { } record)
            {
                latest.Add(HealthCheckView.From(record));
            }
        }

        return latest;
    }

    /// <summary>PASS and WARN are both measured passes: flapping between them near a threshold is not worth an audit event each time.</summary>
    private static Verdict Band(Verdict verdict) => verdict == Verdict.Warn ? Verdict.Pass : verdict;

    private static AuditEventDraft AuditOf(HealthCheck check) =>
        AuditEventDraft.For(AutomationActors.Monitoring.Name, "healthCheck.recorded", check.RolloutId, new
        {
            cadence = check.Cadence.ToString(),
            phaseIndex = check.PhaseIndex,
            phase = check.PhaseName,
            windowStart = check.Window.Start,
            windowEnd = check.Window.End,
            dueAt = check.DueAt,
            ranAt = check.RanAt,
            verdict = check.Result.Overall.ToString(),
            summary = check.Result.Summary,
        });

    private async Task PruneAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        if (now < _nextPruneAt)
        {
            return;
        }

        _nextPruneAt = now + PruneEvery;
        var deleted = await store.DeleteOlderThanAsync(MonitoringCadence.Intensive, now - options.Value.RetainIntensiveFor, cancellationToken);
        if (deleted > 0)
        {
            LogPruned(deleted, options.Value.RetainIntensiveFor);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A {Cadence} health check was not recorded: {Denial}")]
    private partial void LogRefused(MonitoringCadence cadence, string denial);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} intensive health checks older than {Retention}")]
    private partial void LogPruned(int count, TimeSpan retention);
}
