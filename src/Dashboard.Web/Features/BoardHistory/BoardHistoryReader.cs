using Dashboard.Core.Audit;
using Dashboard.Core.Evaluation;
using Dashboard.Core.History;
using Dashboard.Core.Metrics;
using Dashboard.Core.Rollouts;
using Dashboard.Infrastructure.Influx;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Infrastructure.Persistence.Audit;
using Dashboard.Web.Features.LiveMetrics;
using Dashboard.Web.Features.LiveMetrics.Components;
using Dashboard.Web.Shared.Time;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.BoardHistory;

/// <summary>
/// Reads the board as it was at a past moment, once per call: one snapshot and one read per chart range ending
/// then (the live board's window and points), the audit log and the rollouts' plans. It never touches the shared
/// poller, so the live board's cost is the same however many past boards are open (docs/board-history.md).
/// </summary>
public sealed partial class BoardHistoryReader(
    IMetricsReader metrics,
    AuditLog auditLog,
    RolloutStore rollouts,
    IOptions<LiveMetricsOptions> options,
    StalenessRule staleness,
    ILogger<BoardHistoryReader> logger)
{
    private readonly LiveMetricsOptions _options = options.Value;

    /// <param name="at">The moment, already checked to be no later than now.</param>
    /// <param name="requested">The rollout asked for (<c>?rollout=</c>); the most recently started one running then by default.</param>
    /// <param name="cancellationToken">Stops the reads.</param>
    public async Task<BoardAt> ReadAsync(DateTimeOffset at, Guid? requested, CancellationToken cancellationToken = default)
    {
        var states = await RebuildAsync(at, cancellationToken);
        var followed = BoardStateRebuild.Followed(states, requested);
        var thresholds = followed is null
            ? PhaseThresholds.NoRolloutRunning
            : new PhaseThresholds(followed.Phase.Criteria, $"Following then: {followed.Description}");

        try
        {
            var snapshot = await metrics.ReadSnapshotEndingAsync(at, _options.SnapshotWindow, cancellationToken);
            var charts = new Dictionary<ChartRange, ChartSeriesSet>();
            foreach (var range in Enum.GetValues<ChartRange>())
            {
                charts[range] = await metrics.ReadChartsEndingAsync(range, at, _options.ChartPoints, cancellationToken);
            }

            return new BoardAt(at, snapshot, charts, FreshnessOf(snapshot, at), states, followed, thresholds);
        }
        catch (Exception ex) when (ex is InfluxException or HttpRequestException or TimeoutException)
        {
            // Missing data is never shown as a pass: the tiles say NO DATA and the banner says why.
            LogUnreadable(logger, ex.Message);
            var unread = new DataFreshness(at, null, IsStale: true, $"InfluxDB could not be read: {ex.Message}");
            return new BoardAt(at, null, new Dictionary<ChartRange, ChartSeriesSet>(), unread, states, followed, thresholds);
        }
    }

    /// <summary>Every rollout as it stood at <paramref name="at"/>, from one read of the audit log.</summary>
    public async Task<IReadOnlyList<RolloutStateAt>> RebuildAsync(DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var plans = (await rollouts.ListAsync(cancellationToken)).ToDictionary(snapshot => snapshot.Id, snapshot => Rollout.FromSnapshot(snapshot).Plan);
        var events = await auditLog.ReadAsync(cancellationToken: cancellationToken);
        return BoardStateRebuild.Rebuild(
            events.Select(e => new AuditRecord(e.Sequence, e.At, e.Actor, e.Kind, e.RolloutId, e.PayloadJson)), plans, at);
    }

    // The live board's rule, judged at the moment instead of now.
    private DataFreshness FreshnessOf(MetricsSnapshot snapshot, DateTimeOffset at)
    {
        if (snapshot.NewestPointAt is not { } newest)
        {
            return new DataFreshness(at, null, IsStale: true, $"No data in the window ending {UtcTime.Stamp(at)}");
        }

        var age = TimeSpan.FromTicks(Math.Max(0, (at - newest).Ticks));
        return staleness.Judge(newest, at) is { } overdue
            ? new DataFreshness(at, age, IsStale: true, overdue)
            : new DataFreshness(at, age, IsStale: false, null);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A past board could not read InfluxDB: {Reason}")]
    private static partial void LogUnreadable(ILogger logger, string reason);
}
