using System.Globalization;
using Dashboard.Core.Checkpoints;
using Dashboard.Core.Metrics;
using Dashboard.Infrastructure.Influx;
using Dashboard.Infrastructure.Metrics;

namespace Dashboard.Infrastructure.Checkpoints;

/// <summary>What a statement of a family computes.</summary>
internal enum StatementRole
{
    /// <summary>Sums over [phase start, due).</summary>
    Cumulative,
    /// <summary>Sums over [previous checkpoint, due).</summary>
    LastInterval,
    /// <summary>Sums per sample interval over [phase start, due).</summary>
    PerInterval,
    /// <summary>The learners gauge per series and sample interval over [phase start, due).</summary>
    Learners,
    /// <summary>Sums per stored interval (<c>CheckpointEvaluation:SampleInterval</c>) over the part of the window not reused.</summary>
    Sums,
    /// <summary>The learners gauge's sum and count per series and stored interval over the same part.</summary>
    LearnerSums,
}

internal sealed record CheckpointStatement(MetricFamily Family, StatementRole Role, string Text);

/// <summary>
/// The InfluxQL of a checkpoint. <see cref="For"/> is what a criterion shows as its query: per family, sums
/// over the cumulative window and the last interval, and per sample interval (aligned on the phase start)
/// over the cumulative window. <see cref="Sums"/> is what the evaluator reads: per stored interval over the
/// part of the window it cannot reuse, so every value is a sum of the same per-interval answers however much
/// was reused. Names are escaped with <see cref="InfluxQl.Identifier"/>, the service filter with
/// <see cref="InfluxQl.StringLiteral"/>; times are epoch-millisecond literals.
/// </summary>
internal sealed class CheckpointStatements(MetricsSchemaOptions options)
{
    /// <summary>Aliases of the learners gauge's sum and count per interval (the mean of a longer interval is their quotient).</summary>
    public const string LearnersSum = "active_sum";
    public const string LearnersSamples = "active_samples";

    private readonly MetricsMeasurementNames _measurements = options.Measurements;
    private readonly MetricsFieldNames _fields = options.Fields;
    private readonly MetricsTagNames _tags = options.Tags;

    public IReadOnlyList<CheckpointStatement> For(IEnumerable<MetricFamily> families, CheckpointWindow window, TimeSpan interval)
    {
        var cumulative = Where(window.PhaseStart, window.DueAt);
        var last = Where(window.LastIntervalStart, window.DueAt);
        var byTime = ByTime(window.PhaseStart, interval);
        var statements = new List<CheckpointStatement>();
        foreach (var family in families.Distinct().Order())
        {
            var (select, measurement, groupBy) = Aggregates(family);
            statements.Add(new(family, StatementRole.Cumulative, $"SELECT {select} FROM {Id(measurement)} {cumulative} GROUP BY {groupBy}"));
            statements.Add(new(family, StatementRole.LastInterval, $"SELECT {select} FROM {Id(measurement)} {last} GROUP BY {groupBy}"));
            var perInterval = family == MetricFamily.Resources ? $"{select}, {MemoryAggregates()}" : select;
            statements.Add(new(family, StatementRole.PerInterval,
                $"SELECT {perInterval} FROM {Id(measurement)} {cumulative} GROUP BY {byTime}, {groupBy} fill(none)"));
            if (family == MetricFamily.Revenue)
            {
                // GROUP BY * keeps every series apart so the gauge is summed across series in Core.
                statements.Add(new(family, StatementRole.Learners,
                    $"SELECT {Aggregate("mean", _fields.ActiveLearners, MetricsColumns.ActiveLearners)} FROM {Id(_measurements.Learners)} {cumulative} "
                        + $"GROUP BY {byTime}, * fill(none)"));
            }
        }

        return statements;
    }

    /// <summary>
    /// One family's reads of <c>[from, to)</c> per <paramref name="grain"/> aligned on the phase start: its sums
    /// (role <see cref="StatementRole.Sums"/>), and for revenue the learners gauge's sum and count per series
    /// (<see cref="StatementRole.LearnerSums"/>).
    /// </summary>
    public IReadOnlyList<CheckpointStatement> Sums(MetricFamily family, DateTimeOffset phaseStart, DateTimeOffset from, DateTimeOffset to, TimeSpan grain)
    {
        var where = Where(from, to);
        var byTime = ByTime(phaseStart, grain);
        var (select, measurement, groupBy) = Aggregates(family);
        var sums = family == MetricFamily.Resources ? $"{select}, {MemoryAggregates()}" : select;
        var statements = new List<CheckpointStatement>
        {
            new(family, StatementRole.Sums, $"SELECT {sums} FROM {Id(measurement)} {where} GROUP BY {byTime}, {groupBy} fill(none)"),
        };
        if (family == MetricFamily.Revenue)
        {
            statements.Add(new(family, StatementRole.LearnerSums,
                $"SELECT {Sum(_fields.ActiveLearners, LearnersSum)}, {Aggregate("count", _fields.ActiveLearners, LearnersSamples)} "
                    + $"FROM {Id(_measurements.Learners)} {where} GROUP BY {byTime}, * fill(none)"));
        }

        return statements;
    }

    /// <summary>One family's sums over <c>[from, to)</c> as a whole, for a last interval that does not start on the sample grid.</summary>
    public CheckpointStatement LastInterval(MetricFamily family, DateTimeOffset from, DateTimeOffset to)
    {
        var (select, measurement, groupBy) = Aggregates(family);
        return new(family, StatementRole.LastInterval, $"SELECT {select} FROM {Id(measurement)} {Where(from, to)} GROUP BY {groupBy}");
    }

    private static string ByTime(DateTimeOffset phaseStart, TimeSpan interval)
    {
        var offsetMs = phaseStart.ToUnixTimeMilliseconds() % (long)interval.TotalMilliseconds;
        return $"time({((long)interval.TotalSeconds).ToString(CultureInfo.InvariantCulture)}s, {offsetMs.ToString(CultureInfo.InvariantCulture)}ms)";
    }

    private (string Select, string Measurement, string GroupBy) Aggregates(MetricFamily family) => family switch
    {
        // Segments are kept apart for segment variance; cohorts are summed over them in Core.
        MetricFamily.Requests => (
            string.Join(", ", new[] { Sum(_fields.Count, MetricsColumns.Requests), Sum(_fields.Errors, MetricsColumns.Errors) }
                .Concat(LatencyHistogram.FieldNames.Select(field => Sum(field, field)))),
            _measurements.Requests,
            $"{Id(_tags.Cohort)},{Id(_tags.Segment)}"),
        MetricFamily.Probes => (
            $"{Sum(_fields.ProbesOk, MetricsColumns.ProbesOk)}, {Sum(_fields.ProbesTotal, MetricsColumns.ProbesTotal)}",
            _measurements.Probes,
            Id(_tags.Cohort)),
        MetricFamily.Revenue => (Sum(_fields.Revenue, MetricsColumns.Revenue), _measurements.Business, Id(_tags.Cohort)),
        MetricFamily.Resources => (
            $"{Sum(_fields.CacheHits, MetricsColumns.CacheHits)}, {Sum(_fields.CacheMisses, MetricsColumns.CacheMisses)}",
            _measurements.Resources,
            Id(_tags.Cohort)),
        _ => throw new ArgumentOutOfRangeException(nameof(family), family, "Unknown metric family."),
    };

    private string MemoryAggregates() =>
        $"{Sum(_fields.MemoryMb, MetricsColumns.MemoryMbSum)}, {Aggregate("count", _fields.MemoryMb, MetricsColumns.MemoryMbSamples)}";

    // Half-open [from, to): the same bounds as GROUP BY time buckets, so the intervals add up to the window.
    private string Where(DateTimeOffset from, DateTimeOffset to) =>
        $"WHERE time >= {Epoch(from)} AND time < {Epoch(to)}"
        + (string.IsNullOrEmpty(options.Service) ? string.Empty : $" AND {Id(_tags.Service)} = {InfluxQl.StringLiteral(options.Service)}");

    private static string Sum(string field, string alias) => Aggregate("sum", field, alias);

    private static string Aggregate(string function, string field, string alias) => $"{function}({Id(field)}) AS {Id(alias)}";

    private static string Id(string name) => InfluxQl.Identifier(name);

    private static string Epoch(DateTimeOffset time) =>
        time.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) + "ms";
}
