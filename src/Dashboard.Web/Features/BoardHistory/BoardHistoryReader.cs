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
/// Reads the board as it was at a past moment, once per call: one snapshot and the chart range shown first ending
/// then (the live board's window and points), the audit log and the rollouts' plans; another range when picked. It never touches the shared
/// poller, so the live board's cost is the same however many past boards are open (docs/board-history.md).
/// </summary>
public sealed partial class BoardHistoryReader(
    IMetricsReader metrics,
    AuditWindowQuery auditLog,
    RolloutStore rollouts,
    IOptions<LiveMetricsOptions> options,
    StalenessRule staleness,
    ILogger<BoardHistoryReader> logger)
{
    /// <summary>The chart range both boards show first, read with the board.</summary>
    public const ChartRange FirstRange = ChartRange.LastHour;

    private readonly LiveMetricsOptions _options = options.Value;

    /// <param name="at">The moment, already checked to be no later than now.</param>
    /// <param name="requested">The rollout asked for (<c>?rollout=</c>); the most recently started one running then by default.</param>
    /// <param name="cancellationToken">Stops the reads.</param>
    public async Task<BoardAt> ReadAsync(DateTimeOffset at, Guid? requested, CancellationToken cancellationToken = default)
    {
        // InfluxDB and the state store answer side by side: one person waits for the page.
        var reading = ReadMetricsAsync(at, cancellationToken);
        var states = await RebuildAsync(at, cancellationToken);
        var followed = BoardStateRebuild.Followed(states, requested);
        var thresholds = followed is null
            ? PhaseThresholds.NoRolloutRunning
            : new PhaseThresholds(followed.Phase.Criteria, $"Following then: {followed.Description}");
        var (snapshot, charts, freshness) = await reading;
        return new BoardAt(at, snapshot, charts, freshness, states, followed, thresholds);
    }

    /// <summary>One more chart range ending at <paramref name="at"/>, when a person picks it; null when InfluxDB cannot be read (the chart says it has no data).</summary>
    public async Task<ChartSeriesSet?> ReadChartsAsync(ChartRange range, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        try
        {
            return await metrics.ReadChartsEndingAsync(range, at, _options.ChartPoints, cancellationToken);
        }
        catch (Exception ex) when (ex is InfluxException or HttpRequestException or TimeoutException)
        {
            LogUnreadable(logger, ex.Message);
            return null;
        }
    }

    /// <summary>
    /// Every rollout as it stood at <paramref name="at"/>, from one read of the audit log: only the kinds the rebuild
    /// reads, stamped up to and including <paramref name="at"/>, without their chain hashes.
    /// </summary>
    public async Task<IReadOnlyList<RolloutStateAt>> RebuildAsync(DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var plans = (await rollouts.ListAsync(cancellationToken)).ToDictionary(snapshot => snapshot.Id, snapshot => Rollout.FromSnapshot(snapshot).Plan);
        var events = await auditLog.ReadAsync(DateTimeOffset.MinValue, at.AddTicks(1), BoardStateRebuild.AuditKinds, cancellationToken: cancellationToken);
        return BoardStateRebuild.Rebuild(
            events.Select(e => new AuditRecord(e.Sequence, e.At, e.Actor, e.Kind, e.RolloutId, e.PayloadJson)), plans, at);
    }

    private async Task<(MetricsSnapshot?, IReadOnlyDictionary<ChartRange, ChartSeriesSet>, DataFreshness)> ReadMetricsAsync(
        DateTimeOffset at, CancellationToken cancellationToken)
    {
        try
        {
            // Only the range both boards show first; another is read when a person picks it (ReadChartsAsync).
            var reading = metrics.ReadSnapshotEndingAsync(at, _options.SnapshotWindow, cancellationToken);
            var shown = await metrics.ReadChartsEndingAsync(FirstRange, at, _options.ChartPoints, cancellationToken);
            var snapshot = await reading;
            return (snapshot, new Dictionary<ChartRange, ChartSeriesSet> { [FirstRange] = shown }, FreshnessOf(snapshot, at));
        }
        catch (Exception ex) when (ex is InfluxException or HttpRequestException or TimeoutException)
        {
            // Missing data is never shown as a pass: the tiles say NO DATA and the banner says why.
            LogUnreadable(logger, ex.Message);
            return (null, new Dictionary<ChartRange, ChartSeriesSet>(), new DataFreshness(at, null, IsStale: true, $"InfluxDB could not be read: {ex.Message}"));
        }
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
