using System.Globalization;
using Dashboard.Core.Checkpoints;
using Dashboard.Core.Metrics;
using Dashboard.Infrastructure.Influx;
using Dashboard.Infrastructure.Metrics;

namespace Dashboard.Infrastructure.Checkpoints;

/// <summary>
/// The answer of InfluxDB to a checkpoint's statements, turned into metric values: the cumulative
/// window, the last interval and each sample interval are assembled like a metrics snapshot, so a
/// checkpoint's error rate or P99 is computed exactly as the live dashboard computes it. A family
/// whose statement failed (or never ran) keeps its reason and yields no values.
/// </summary>
internal sealed class CheckpointMeasurements
{
    private readonly CheckpointWindow _window;
    private readonly TimeSpan _interval;
    private readonly IReadOnlyList<CheckpointStatement> _statements;
    private readonly Dictionary<MetricFamily, string> _failures = [];
    private readonly MetricsSnapshot _cumulative;
    private readonly MetricsSnapshot _lastInterval;
    private readonly List<(DateTimeOffset Start, MetricsSnapshot Snapshot)> _intervals;

    private CheckpointMeasurements(
        CheckpointWindow window,
        TimeSpan interval,
        IReadOnlyList<CheckpointStatement> statements,
        IReadOnlyList<InfluxStatementResult> results,
        MetricsTagNames tags)
    {
        _window = window;
        _interval = interval;
        _statements = statements;

        var cumulative = new List<SeriesTotals>();
        var last = new List<SeriesTotals>();
        var perInterval = new List<(DateTimeOffset Start, SeriesTotals Totals)>();
        var learners = new List<GaugeSample>();
        for (var i = 0; i < statements.Count; i++)
        {
            var statement = statements[i];
            if (i >= results.Count || results[i].Error is not null)
            {
                var error = i < results.Count ? results[i].Error : null;
                // InfluxDB 1.x stops at the first failing statement and reports the rest as missing.
                _failures.TryAdd(statement.Family, error is null
                    ? "InfluxDB did not run the statement (an earlier statement failed)"
                    : string.Create(CultureInfo.InvariantCulture, $"InfluxDB statement {i} failed: {(error == "not executed" ? "not executed (does the configured database exist?)" : error)}"));
                continue;
            }

            var read = Reader(statement.Family);
            foreach (var (series, row) in results[i].Rows())
            {
                var seriesTags = new SeriesTags(series.Tag(tags.Cohort), series.Tag(tags.Segment), series.Tag(tags.Region));
                switch (statement.Role)
                {
                    case StatementRole.Cumulative:
                        cumulative.Add(new SeriesTotals(seriesTags, read(series, row)));
                        break;
                    case StatementRole.LastInterval:
                        last.Add(new SeriesTotals(seriesTags, read(series, row)));
                        break;
                    case StatementRole.PerInterval:
                        perInterval.Add((series.GetTime(row), new SeriesTotals(seriesTags, read(series, row))));
                        break;
                    case StatementRole.Learners when series.GetDouble(row, MetricsColumns.ActiveLearners) is { } active:
                        learners.Add(new GaugeSample(seriesTags, series.GetTime(row), active));
                        break;
                    default:
                        break;
                }
            }
        }

        // The gauge buckets are the sample intervals; the last interval takes those starting inside it.
        _cumulative = MetricsSnapshotAssembler.Assemble(window.DueAt, window.Cumulative, cumulative, learners, null);
        _lastInterval = MetricsSnapshotAssembler.Assemble(
            window.DueAt, window.LastInterval, last, learners.Where(sample => sample.Bucket >= window.LastIntervalStart), null);
        var totalsByStart = perInterval.ToLookup(entry => entry.Start, entry => entry.Totals);
        var learnersByStart = learners.ToLookup(sample => sample.Bucket);
        _intervals = [.. totalsByStart.Select(group => group.Key)
            .Concat(learnersByStart.Select(group => group.Key))
            .Distinct()
            .Order()
            .Select(start => (start, MetricsSnapshotAssembler.Assemble(start + interval, interval, totalsByStart[start], learnersByStart[start], null)))];
    }

    /// <summary>Statements answered (or refused) by InfluxDB, read into values.</summary>
    public static CheckpointMeasurements Read(
        CheckpointWindow window, TimeSpan interval, IReadOnlyList<CheckpointStatement> statements, IReadOnlyList<InfluxStatementResult> results, MetricsTagNames tags) =>
        new(window, interval, statements, results, tags);

    /// <summary>No answer at all: every family fails with <paramref name="reason"/>.</summary>
    public static CheckpointMeasurements Unavailable(
        CheckpointWindow window, TimeSpan interval, IReadOnlyList<CheckpointStatement> statements, string reason, MetricsTagNames tags)
    {
        var measurements = new CheckpointMeasurements(window, interval, statements, [], tags);
        foreach (var family in statements.Select(statement => statement.Family))
        {
            measurements._failures[family] = reason;
        }

        return measurements;
    }

    /// <summary>A window or sample interval holds a requests group that was not whole when read.</summary>
    public bool HasIncompletePoints =>
        _cumulative.HasIncompletePoints || _lastInterval.HasIncompletePoints || _intervals.Any(entry => entry.Snapshot.HasIncompletePoints);

    /// <summary>The statements of <paramref name="metricKey"/>'s family, as sent.</summary>
    public string? Query(string metricKey) => MetricFamilies.Of(metricKey) is { } family
        ? string.Join(";\n", _statements.Where(statement => statement.Family == family).Select(statement => statement.Text))
        : null;

    public double? Cumulative(string metricKey) => ValueOf(metricKey, _cumulative, _window.PhaseStart);

    public double? LastInterval(string metricKey) => ValueOf(metricKey, _lastInterval, _window.LastIntervalStart);

    /// <summary>Each sample interval's value per cohort (<see cref="MetricDefinition.CohortValue"/>): revenue per learner for revenue impact, mean memory for memory growth.</summary>
    public IReadOnlyList<IntervalSample> Samples(string metricKey) => Failed(metricKey) || MetricCatalog.Find(metricKey) is not { } metric
        ? []
        : [.. _intervals
            .Select(entry => new IntervalSample(
                entry.Start,
                metric.CohortValue(entry.Snapshot, Cohort.Canary),
                metric.CohortValue(entry.Snapshot, Cohort.Baseline)))
            .Where(sample => sample.Canary is not null || sample.Baseline is not null)];

    /// <summary>Why <paramref name="metricKey"/> has no value: its family's failure, torn points, or an empty window.</summary>
    public string NoDataReason(string metricKey)
    {
        var family = MetricFamilies.Of(metricKey);
        if (family is { } failed && _failures.TryGetValue(failed, out var failure))
        {
            return failure;
        }

        if (family == MetricFamily.Requests && _cumulative.Cohorts.Canary.IncompletePoints)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"{HistogramConsistency.IncompletePoints}: a canary requests point in the window [phase start, due) was still partly written "
                + $"after {TornReadRetry.MaxRereads} re-reads (le_inf differs from count, or a bucket holds fewer than the one before)");
        }

        var needs = MetricCatalog.Find(metricKey)?.NoDataNeeds ?? " for the canary";
        // The page shows the window's times beside the reason; a reason stored with raw timestamps read as 17:06:02.4047589+00:00.
        return $"No data in the window [phase start, due){needs}";
    }

    // A trend is read across the sample intervals from `from` on; every other metric from the window's snapshot.
    private double? ValueOf(string metricKey, MetricsSnapshot window, DateTimeOffset from) =>
        Failed(metricKey) || MetricCatalog.Find(metricKey) is not { } metric ? null : metric.Reading switch
        {
            MetricReading.CanaryTrendPerHour => Slope(metric, from),
            _ => metric.SnapshotValue(window),
        };

    private bool Failed(string metricKey) => MetricFamilies.Of(metricKey) is { } family && _failures.ContainsKey(family);

    // Each interval's value sits at the interval's middle.
    private double? Slope(MetricDefinition metric, DateTimeOffset from) => MemoryGrowth.MbPerHour(_intervals
        .Where(entry => entry.Start >= from)
        .Select(entry => (At: entry.Start + (_interval / 2), Value: metric.CohortValue(entry.Snapshot, Cohort.Canary)))
        .Where(point => point.Value is not null)
        .Select(point => (point.At, point.Value!.Value)));

    private static Func<InfluxSeries, int, WindowTotals> Reader(MetricFamily family) => family switch
    {
        MetricFamily.Requests => InfluxMetricsReader.RequestTotals,
        MetricFamily.Probes => InfluxMetricsReader.ProbeTotals,
        MetricFamily.Revenue => InfluxMetricsReader.BusinessTotals,
        MetricFamily.Resources => InfluxMetricsReader.ResourceTotals,
        _ => throw new ArgumentOutOfRangeException(nameof(family), family, "Unknown metric family."),
    };
}
