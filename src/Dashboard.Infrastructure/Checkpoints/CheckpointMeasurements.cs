using System.Globalization;
using Dashboard.Core.Checkpoints;
using Dashboard.Core.Metrics;
using Dashboard.Infrastructure.Influx;
using Dashboard.Infrastructure.Metrics;

namespace Dashboard.Infrastructure.Checkpoints;

/// <summary>
/// A checkpoint's reads (<see cref="FamilyAnswer"/>), turned into metric values: InfluxDB's sums per stored
/// interval are added up, in one fixed order, into the cumulative window, the last interval and each sample
/// interval, which are then assembled like a metrics snapshot, so a checkpoint's error rate or P99 is computed
/// exactly as the live dashboard computes it — and the same whether the sums were reused or read just now.
/// A family whose read failed keeps its reason and yields no values.
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
        IReadOnlyList<FamilyAnswer> answers,
        MetricsTagNames tags)
    {
        _window = window;
        _interval = interval;
        _statements = statements;

        var rows = new List<(MetricFamily Family, string Group, DateTimeOffset Start, SeriesTags Tags, WindowTotals Totals)>();
        var offGrid = new List<SeriesTotals>();
        var gauges = new List<(string Series, SeriesTags Tags, DateTimeOffset Start, double Sum, double Count)>();
        foreach (var answer in answers)
        {
            if (answer.Failure is { } failure)
            {
                _failures.TryAdd(answer.Family, failure);
                continue;
            }

            var read = Reader(answer.Family);
            foreach (var series in answer.Sums)
            {
                var seriesTags = TagsOf(series, tags);
                var group = string.Join('\n', answer.Family, seriesTags.Cohort, seriesTags.Segment, seriesTags.Region);
                for (var row = 0; row < series.Values.Count; row++)
                {
                    rows.Add((answer.Family, group, series.GetTime(row), seriesTags, read(series, row)));
                }
            }

            foreach (var series in answer.LearnerSums)
            {
                var key = string.Join('\n', series.Tags.OrderBy(tag => tag.Key, StringComparer.Ordinal).Select(tag => $"{tag.Key}={tag.Value}"));
                for (var row = 0; row < series.Values.Count; row++)
                {
                    if (series.GetDouble(row, CheckpointStatements.LearnersSum) is { } sum
                        && series.GetDouble(row, CheckpointStatements.LearnersSamples) is { } count and > 0)
                    {
                        gauges.Add((key, TagsOf(series, tags), series.GetTime(row), sum, count));
                    }
                }
            }

            foreach (var series in answer.LastInterval ?? [])
            {
                offGrid.AddRange(Enumerable.Range(0, series.Values.Count).Select(row => new SeriesTotals(TagsOf(series, tags), read(series, row))));
            }
        }

        // One order for every sum (group, then time), so reused and fresh sums add up to the very same doubles.
        var groups = rows.OrderBy(row => row.Group, StringComparer.Ordinal).ThenBy(row => row.Start).GroupBy(row => row.Group).ToList();
        var cumulative = groups.Select(group => new SeriesTotals(group.First().Tags, WindowTotals.Sum(group.Select(row => row.Totals)))).ToList();
        var offGridFamilies = answers.Where(answer => answer.LastInterval is not null).Select(answer => answer.Family).ToHashSet();
        var last = groups
            .Where(group => !offGridFamilies.Contains(group.First().Family))
            .Select(group => (group.First().Tags, Rows: group.Where(row => row.Start >= window.LastIntervalStart).ToList()))
            .Where(group => group.Rows.Count > 0)
            .Select(group => new SeriesTotals(group.Tags, WindowTotals.Sum(group.Rows.Select(row => row.Totals))))
            .Concat(offGrid)
            .ToList();
        var perInterval = groups
            .SelectMany(group => group.GroupBy(row => IntervalStart(row.Start)))
            .Select(bucket => (Start: bucket.Key, Totals: new SeriesTotals(bucket.First().Tags, WindowTotals.Sum(bucket.Select(row => row.Totals)))))
            .ToList();
        // An interval's mean of the gauge is its summed gauge over its count of points, as InfluxDB's mean() is.
        var learners = gauges
            .OrderBy(gauge => gauge.Series, StringComparer.Ordinal).ThenBy(gauge => gauge.Start)
            .GroupBy(gauge => (gauge.Series, Start: IntervalStart(gauge.Start)))
            .Select(bucket => new GaugeSample(bucket.First().Tags, bucket.Key.Start, bucket.Sum(gauge => gauge.Sum) / bucket.Sum(gauge => gauge.Count)))
            .ToList();

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

    /// <summary>The reads of every family, turned into values.</summary>
    public static CheckpointMeasurements Read(
        CheckpointWindow window, TimeSpan interval, IReadOnlyList<CheckpointStatement> statements, IReadOnlyList<FamilyAnswer> answers, MetricsTagNames tags) =>
        new(window, interval, statements, answers, tags);

    /// <summary>No answer at all: every family fails with <paramref name="reason"/>.</summary>
    public static CheckpointMeasurements Unavailable(
        CheckpointWindow window, TimeSpan interval, IReadOnlyList<CheckpointStatement> statements, string reason, MetricsTagNames tags) =>
        new(window, interval, statements, [.. statements.Select(statement => statement.Family).Distinct().Select(family => FamilyAnswer.Failed(family, reason))], tags);

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

    private DateTimeOffset IntervalStart(DateTimeOffset time) =>
        _window.PhaseStart + TimeSpan.FromTicks((time - _window.PhaseStart).Ticks / _interval.Ticks * _interval.Ticks);

    private static SeriesTags TagsOf(InfluxSeries series, MetricsTagNames tags) =>
        new(series.Tag(tags.Cohort), series.Tag(tags.Segment), series.Tag(tags.Region));

    private static Func<InfluxSeries, int, WindowTotals> Reader(MetricFamily family) => family switch
    {
        MetricFamily.Requests => InfluxMetricsReader.RequestTotals,
        MetricFamily.Probes => InfluxMetricsReader.ProbeTotals,
        MetricFamily.Revenue => InfluxMetricsReader.BusinessTotals,
        MetricFamily.Resources => InfluxMetricsReader.ResourceTotals,
        _ => throw new ArgumentOutOfRangeException(nameof(family), family, "Unknown metric family."),
    };
}
