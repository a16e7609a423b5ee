using System.Globalization;
using Dashboard.Core.Metrics;
using Dashboard.Infrastructure.Influx;

namespace Dashboard.Infrastructure.Metrics;

/// <summary>
/// Builds the InfluxQL of the metric reads from <see cref="MetricsSchemaOptions"/>. Every configured
/// name goes through <see cref="InfluxQl.Identifier"/> and the service filter through
/// <see cref="InfluxQl.StringLiteral"/>; times are explicit epoch-millisecond literals so a read
/// covers exactly the range the caller's clock chose.
/// </summary>
internal sealed class MetricsStatements(MetricsSchemaOptions options)
{
    /// <summary>Statement order of <see cref="Snapshot"/>.</summary>
    public const int SnapshotRequests = 0, SnapshotProbes = 1, SnapshotBusiness = 2, SnapshotResources = 3, SnapshotLearners = 4, SnapshotExposure = 5, SnapshotNewestFirst = 6;

    /// <summary>Number of statements in <see cref="Snapshot"/>.</summary>
    public const int SnapshotCount = 11;

    /// <summary>Statement order of <see cref="Charts"/>.</summary>
    public const int ChartRequests = 0, ChartProbes = 1, ChartCount = 2;

    private readonly MetricsMeasurementNames _measurements = options.Measurements;
    private readonly MetricsFieldNames _fields = options.Fields;
    private readonly MetricsTagNames _tags = options.Tags;

    /// <summary>
    /// Window totals grouped by cohort, segment and region for the range (<paramref name="from"/>,
    /// <paramref name="to"/>]; the learners gauge per series and <paramref name="gaugeBucket"/>; and
    /// the same gauge summed per cohort, segment and region; and the newest point of each measurement.
    /// </summary>
    public string Snapshot(DateTimeOffset from, DateTimeOffset to, TimeSpan gaugeBucket)
    {
        var where = $"WHERE time > {Epoch(from)} AND time <= {Epoch(to)}{ServiceFilter()}";
        var byTags = $"GROUP BY {Id(_tags.Cohort)},{Id(_tags.Segment)},{Id(_tags.Region)}";
        string[] statements =
        [
            $"SELECT {RequestAggregates()} FROM {Id(_measurements.Requests)} {where} {byTags}",
            $"SELECT {ProbeAggregates()} FROM {Id(_measurements.Probes)} {where} {byTags}",
            $"SELECT {Sum(_fields.Revenue, MetricsColumns.Revenue)}, {Sum(_fields.Sessions, MetricsColumns.Sessions)}, "
                + $"{Sum(_fields.Completions, MetricsColumns.Completions)}, {Sum(_fields.Churned, MetricsColumns.Churned)} "
                + $"FROM {Id(_measurements.Business)} {where} {byTags}",
            $"SELECT {Sum(_fields.CpuPct, MetricsColumns.CpuPctSum)}, {Aggregate("count", _fields.CpuPct, MetricsColumns.CpuPctSamples)}, "
                + $"{Sum(_fields.MemoryMb, MetricsColumns.MemoryMbSum)}, {Aggregate("count", _fields.MemoryMb, MetricsColumns.MemoryMbSamples)}, "
                + $"{Sum(_fields.CacheHits, MetricsColumns.CacheHits)}, {Sum(_fields.CacheMisses, MetricsColumns.CacheMisses)} "
                + $"FROM {Id(_measurements.Resources)} {where} {byTags}",
            // GROUP BY * keeps every series apart (versions, hosts …) so that the gauge is summed
            // across series per bucket in Core rather than averaged here.
            $"SELECT {Aggregate("mean", _fields.ActiveLearners, MetricsColumns.ActiveLearners)} FROM {Id(_measurements.Learners)} {where} "
                + $"GROUP BY time({Seconds(gaugeBucket)}), * fill(none)",
            // The gauge summed over its points: the exposure revenue per learner divides by (docs/metrics.md).
            $"SELECT {Sum(_fields.ActiveLearners, MetricsColumns.LearnerPoints)} FROM {Id(_measurements.Learners)} {where} {byTags}",
            Newest(_measurements.Requests, _fields.Count, where),
            Newest(_measurements.Probes, _fields.ProbesTotal, where),
            Newest(_measurements.Learners, _fields.ActiveLearners, where),
            Newest(_measurements.Business, _fields.Sessions, where),
            Newest(_measurements.Resources, _fields.CpuPct, where),
        ];
        return string.Join(";\n", statements);
    }

    /// <summary>
    /// Request and probe totals per cohort in <paramref name="bucket"/>-wide buckets aligned on
    /// <paramref name="from"/>, for the range [<paramref name="from"/>, <paramref name="to"/>): a
    /// range of n buckets yields at most n points per series.
    /// </summary>
    public string Charts(DateTimeOffset from, DateTimeOffset to, TimeSpan bucket)
    {
        var where = $"WHERE time >= {Epoch(from)} AND time < {Epoch(to)}{ServiceFilter()}";
        var offsetMs = from.ToUnixTimeMilliseconds() % (long)bucket.TotalMilliseconds;
        var groupBy = $"GROUP BY time({Seconds(bucket)}, {offsetMs.ToString(CultureInfo.InvariantCulture)}ms), {Id(_tags.Cohort)} fill(none)";
        return $"SELECT {RequestAggregates()} FROM {Id(_measurements.Requests)} {where} {groupBy};\n"
            + $"SELECT {ProbeAggregates()} FROM {Id(_measurements.Probes)} {where} {groupBy}";
    }

    private string RequestAggregates() =>
        string.Join(", ", new[] { Sum(_fields.Count, MetricsColumns.Requests), Sum(_fields.Errors, MetricsColumns.Errors) }
            .Concat(LatencyHistogram.FieldNames.Select(field => Sum(field, field))));

    private string ProbeAggregates() =>
        $"{Sum(_fields.ProbesOk, MetricsColumns.ProbesOk)}, {Sum(_fields.ProbesTotal, MetricsColumns.ProbesTotal)}";

    private static string Newest(string measurement, string field, string where) =>
        $"SELECT {Aggregate("last", field, MetricsColumns.Newest)} FROM {Id(measurement)} {where}";

    private string ServiceFilter() =>
        string.IsNullOrEmpty(options.Service) ? string.Empty : $" AND {Id(_tags.Service)} = {InfluxQl.StringLiteral(options.Service)}";

    private static string Sum(string field, string alias) => Aggregate("sum", field, alias);

    private static string Aggregate(string function, string field, string alias) => $"{function}({Id(field)}) AS {Id(alias)}";

    private static string Id(string name) => InfluxQl.Identifier(name);

    private static string Epoch(DateTimeOffset time) =>
        time.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) + "ms";

    private static string Seconds(TimeSpan span) =>
        ((long)span.TotalSeconds).ToString(CultureInfo.InvariantCulture) + "s";
}
