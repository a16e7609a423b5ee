using Dashboard.Core.Metrics;
using Dashboard.Infrastructure.Influx;
using Microsoft.Extensions.Options;

namespace Dashboard.Infrastructure.Metrics;

/// <summary>
/// Reads the derived metrics of docs/schema.md from InfluxDB: one HTTP request per snapshot and one per
/// chart range. InfluxDB sums; Core turns the sums into ratios and quantiles. An answer holding a
/// torn requests group is read again (<see cref="TornReadRetry"/>); one still torn gives nulls for
/// that group's request metrics. A failed statement or server throws an <see cref="InfluxException"/>;
/// an empty window gives nulls.
/// </summary>
public sealed class InfluxMetricsReader(IInfluxClient influx, IOptions<MetricsSchemaOptions> options, TimeProvider timeProvider)
    : IMetricsReader, ICohortIntervalReader
{
    // Bounds the rows the gauge statement returns per series, whatever the window.
    private const int MaxGaugeBuckets = 120;

    private readonly MetricsSchemaOptions _options = options.Value;
    private readonly MetricsStatements _statements = new(options.Value);

    public Task<MetricsSnapshot> ReadSnapshotAsync(TimeSpan window, CancellationToken cancellationToken = default) =>
        ReadSnapshotEndingAsync(timeProvider.GetUtcNow(), window, cancellationToken);

    public async Task<MetricsSnapshot> ReadSnapshotEndingAsync(DateTimeOffset end, TimeSpan window, CancellationToken cancellationToken = default)
    {
        if (window < TimeSpan.FromSeconds(1))
        {
            throw new ArgumentOutOfRangeException(nameof(window), window, "A metrics window is at least one second long.");
        }

        var to = WholeMilliseconds(end);
        var query = _statements.Snapshot(to - window, to, GaugeBucket(window));
        // A re-read asks for the same window: the point that was torn is read again, now whole.
        return await TornReadRetry.ReadAsync(
            token => ReadSnapshotOnceAsync(query, to, window, token),
            snapshot => snapshot.HasIncompletePoints,
            _options.TornReadBackoff,
            timeProvider,
            cancellationToken).ConfigureAwait(false);
    }

    public Task<ChartSeriesSet> ReadChartsAsync(ChartRange range, int maxPoints, CancellationToken cancellationToken = default) =>
        ReadChartsEndingAsync(range, timeProvider.GetUtcNow(), maxPoints, cancellationToken);

    public async Task<ChartSeriesSet> ReadChartsEndingAsync(ChartRange range, DateTimeOffset end, int maxPoints, CancellationToken cancellationToken = default)
    {
        var bucket = ChartBucket.Width(range.Duration(), maxPoints, _options.PointInterval);
        var to = WholeMilliseconds(end);
        var from = to - range.Duration();
        var query = _statements.Charts(from, to, bucket);
        var totals = await TornReadRetry.ReadAsync(
            token => ReadChartTotalsOnceAsync(query, token),
            buckets => buckets.Any(entry => entry.Totals.IncompletePoints),
            _options.TornReadBackoff,
            timeProvider,
            cancellationToken).ConfigureAwait(false);
        return ChartSeriesAssembler.Assemble(
            range, from, to, bucket, totals, new ChartEvidence(_options.ChartMinimumRequests, _options.ChartMinimumProbes));
    }

    public async Task<IReadOnlyList<BucketTotals>> ReadCohortIntervalsAsync(
        DateTimeOffset from, DateTimeOffset to, TimeSpan interval, CancellationToken cancellationToken = default)
    {
        if (interval < TimeSpan.FromSeconds(1) || interval.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(interval), interval, "A cell is a whole number of seconds, at least one.");
        }

        if (to <= from)
        {
            return [];
        }

        // The same per-cohort bucket statements the charts read: one definition of a cohort's totals.
        var query = _statements.Charts(WholeMilliseconds(from), WholeMilliseconds(to), interval);
        return await TornReadRetry.ReadAsync(
            token => ReadChartTotalsOnceAsync(query, token),
            buckets => buckets.Any(entry => entry.Totals.IncompletePoints),
            _options.TornReadBackoff,
            timeProvider,
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<MetricsSnapshot> ReadSnapshotOnceAsync(string query, DateTimeOffset to, TimeSpan window, CancellationToken cancellationToken)
    {
        var results = await influx.QueryAsync(query, cancellationToken).ConfigureAwait(false);
        MetricsResults.EnsureComplete(results, MetricsStatements.SnapshotCount);

        var totals = new List<SeriesTotals>();
        totals.AddRange(Totals(results[MetricsStatements.SnapshotRequests], RequestTotals));
        totals.AddRange(Totals(results[MetricsStatements.SnapshotProbes], ProbeTotals));
        totals.AddRange(Totals(results[MetricsStatements.SnapshotBusiness], BusinessTotals));
        totals.AddRange(Totals(results[MetricsStatements.SnapshotResources], ResourceTotals));
        totals.AddRange(Totals(results[MetricsStatements.SnapshotExposure], ExposureTotals));

        var learners = results[MetricsStatements.SnapshotLearners].Rows()
            .Select(cell => (cell.Series, cell.Row, Active: cell.Series.GetDouble(cell.Row, MetricsColumns.ActiveLearners)))
            .Where(cell => cell.Active is not null)
            .Select(cell => new GaugeSample(TagsOf(cell.Series), cell.Series.GetTime(cell.Row), cell.Active!.Value))
            .ToList();

        var newest = results
            .Skip(MetricsStatements.SnapshotNewestFirst)
            .SelectMany(result => result.Rows())
            .Select(cell => (DateTimeOffset?)cell.Series.GetTime(cell.Row))
            .Max();

        return MetricsSnapshotAssembler.Assemble(to, window, totals, learners, newest);
    }

    private async Task<List<BucketTotals>> ReadChartTotalsOnceAsync(string query, CancellationToken cancellationToken)
    {
        var results = await influx.QueryAsync(query, cancellationToken).ConfigureAwait(false);
        MetricsResults.EnsureComplete(results, MetricsStatements.ChartCount);
        return [.. BucketTotals(results[MetricsStatements.ChartRequests], RequestTotals)
            .Concat(BucketTotals(results[MetricsStatements.ChartProbes], ProbeTotals))];
    }

    private TimeSpan GaugeBucket(TimeSpan window)
    {
        var proportional = TimeSpan.FromSeconds(Math.Ceiling(window.TotalSeconds / MaxGaugeBuckets));
        return proportional > _options.GaugeBucket ? proportional : _options.GaugeBucket;
    }

    private IEnumerable<SeriesTotals> Totals(InfluxStatementResult result, Func<InfluxSeries, int, WindowTotals> read) =>
        result.Rows().Select(cell => new SeriesTotals(TagsOf(cell.Series), read(cell.Series, cell.Row)));

    private IEnumerable<BucketTotals> BucketTotals(InfluxStatementResult result, Func<InfluxSeries, int, WindowTotals> read) =>
        result.Rows().Select(cell =>
            new BucketTotals(cell.Series.Tag(_options.Tags.Cohort), cell.Series.GetTime(cell.Row), read(cell.Series, cell.Row)));

    private SeriesTags TagsOf(InfluxSeries series) =>
        new(series.Tag(_options.Tags.Cohort), series.Tag(_options.Tags.Segment), series.Tag(_options.Tags.Region));

    internal static WindowTotals RequestTotals(InfluxSeries series, int row) => WindowTotals.OfRequests(
        series.GetDouble(row, MetricsColumns.Requests),
        series.GetDouble(row, MetricsColumns.Errors),
        LatencyHistogram.FromFieldSums([.. LatencyHistogram.FieldNames.Select(field => series.GetDouble(row, field))]));

    internal static WindowTotals ProbeTotals(InfluxSeries series, int row) => new()
    {
        ProbesOk = series.GetDouble(row, MetricsColumns.ProbesOk),
        ProbesTotal = series.GetDouble(row, MetricsColumns.ProbesTotal),
    };

    internal static WindowTotals BusinessTotals(InfluxSeries series, int row) => new()
    {
        Revenue = series.GetDouble(row, MetricsColumns.Revenue),
        Sessions = series.GetDouble(row, MetricsColumns.Sessions),
        Completions = series.GetDouble(row, MetricsColumns.Completions),
        Churned = series.GetDouble(row, MetricsColumns.Churned),
    };

    // Every point of a gauge series stands for one point interval of its learners.
    private WindowTotals ExposureTotals(InfluxSeries series, int row) => new()
    {
        LearnerSeconds = series.GetDouble(row, MetricsColumns.LearnerPoints) * _options.PointInterval.TotalSeconds,
    };

    internal static WindowTotals ResourceTotals(InfluxSeries series, int row) => new()
    {
        CpuPctSum = series.GetDouble(row, MetricsColumns.CpuPctSum),
        CpuPctSamples = series.GetDouble(row, MetricsColumns.CpuPctSamples),
        MemoryMbSum = series.GetDouble(row, MetricsColumns.MemoryMbSum),
        MemoryMbSamples = series.GetDouble(row, MetricsColumns.MemoryMbSamples),
        CacheHits = series.GetDouble(row, MetricsColumns.CacheHits),
        CacheMisses = series.GetDouble(row, MetricsColumns.CacheMisses),
    };

    // InfluxDB is asked for epoch milliseconds; a finer end make AsOf differ from the range end.
    private static DateTimeOffset WholeMilliseconds(DateTimeOffset time) =>
        DateTimeOffset.FromUnixTimeMilliseconds(time.ToUnixTimeMilliseconds());
}
