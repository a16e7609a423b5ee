using Dashboard.Core.Checkpoints;
using Dashboard.Core.Metrics;
using Dashboard.Core.Plans;
using Dashboard.Core.Statistics;
using Dashboard.Infrastructure.Influx;
using Dashboard.Infrastructure.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Infrastructure.Checkpoints;

/// <summary>
/// Evaluates one checkpoint (docs/checkpoints.md): reads every InfluxDB metric the phase's criteria,
/// rollback triggers and contingency rules name — sums per stored interval, from which the cumulative
/// window, the last interval and each sample interval are added up — in one HTTP request, reusing the
/// settled sums earlier evaluations of the phase run stored in <see cref="IIntervalSumStore"/> and reading
/// only the rest (docs/checkpoints.md, "Reusing settled sums"; without a store every evaluation reads its whole window); asks <see cref="IIncidentCounts"/> for the counts InfluxDB does
/// not hold, judges each criterion with its options, suggests a decision and adds the advisory
/// statistical comparison of canary against baseline (<see cref="CheckpointComparison"/>). InfluxDB being down, a failed statement,
/// an empty window or a requests point still torn after re-reading (<see cref="TornReadRetry"/>) make
/// the criteria concerned NO_DATA with the reason; they never throw.
/// </summary>
public sealed partial class CheckpointEvaluator(
    IInfluxClient influx,
    IOptions<InfluxOptions> influxOptions,
    IOptions<MetricsSchemaOptions> schema,
    IOptions<CheckpointEvaluatorOptions> options,
    TimeProvider timeProvider,
    ILogger<CheckpointEvaluator> logger,
    IIntervalSumStore? sums = null)
{
    private readonly CheckpointStatements _statements = new(schema.Value);
    private readonly MetricsSchemaOptions _schema = schema.Value;
    private readonly CheckpointEvaluatorOptions _options = options.Value;
    private readonly CanaryJudge _judge = new(options.Value.Judge);
    private readonly SettledSums _sums = new(sums, new CheckpointStatements(schema.Value), influxOptions.Value, options.Value, timeProvider, logger);

    /// <summary>
    /// The sample interval for a cumulative window: <see cref="CheckpointEvaluatorOptions.SampleInterval"/>, or the
    /// smallest whole multiple of it that keeps at most <see cref="CheckpointEvaluatorOptions.MaxSamples"/> intervals —
    /// a multiple, so the sums stored per <see cref="CheckpointEvaluatorOptions.SampleInterval"/> add up to it.
    /// </summary>
    public TimeSpan SampleIntervalFor(TimeSpan cumulativeWindow)
    {
        var grain = _options.SampleInterval;
        var multiple = Math.Max(1, (long)Math.Ceiling(cumulativeWindow.Ticks / (double)_options.MaxSamples / grain.Ticks));
        return grain * multiple;
    }

    public async Task<CheckpointEvaluation> EvaluateAsync(CheckpointEvaluationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var window = request.Window;
        if (!window.IsValid)
        {
            throw new ArgumentException(
                $"A checkpoint window needs phase start ≤ last-interval start < due, not {window.PhaseStart:O}, {window.LastIntervalStart:O}, {window.DueAt:O}.",
                nameof(request));
        }

        var phase = request.Phase;
        var criteria = phase.CriteriaAt(request.CheckpointOffset);
        var metricKeys = MetricKeysOf(phase, request.CheckpointOffset);

        var interval = SampleIntervalFor(window.Cumulative);
        var measurements = await MeasureAsync(request, metricKeys, interval, cancellationToken).ConfigureAwait(false);
        var counts = new Dictionary<string, (double? Cumulative, double? Last, string? Reason)>(StringComparer.Ordinal);
        foreach (var key in metricKeys.Where(key => MetricFamilies.Of(key) is null))
        {
            counts[key] = await CountAsync(request, key, cancellationToken).ConfigureAwait(false);
        }

        double? CumulativeOf(string key) => counts.TryGetValue(key, out var count) ? count.Cumulative : measurements.Cumulative(key);
        double? LastIntervalOf(string key) => counts.TryGetValue(key, out var count) ? count.Last : measurements.LastInterval(key);

        var evaluations = criteria.Select(criterion => CriterionEvaluation.Judge(
                criterion,
                MetricCatalog.Get(criterion.Metric).Unit,
                CumulativeOf(criterion.Metric),
                LastIntervalOf(criterion.Metric),
                counts.TryGetValue(criterion.Metric, out var count) ? count.Reason : measurements.NoDataReason(criterion.Metric),
                measurements.Query(criterion.Metric),
                interval,
                measurements.Samples(criterion.Metric)))
            .ToList();

        // Dry-run criteria stay out of both the verdict and the decision.
        var overall = CheckpointVerdicts.Overall(evaluations);
        var decision = CheckpointDecisionRubric.Suggest(phase, overall, CumulativeOf, LastIntervalOf);
        return new CheckpointEvaluation(
            request.RolloutId,
            request.PhaseIndex,
            phase.Name,
            request.CheckpointOffset,
            window,
            timeProvider.GetUtcNow(),
            evaluations,
            overall,
            decision.Decision,
            decision.Reason,
            MetricTrends.Between(request.Previous, evaluations),
            CheckpointComparison.Of(evaluations, _judge));
    }

    /// <summary>Every metric the checkpoint at <paramref name="offset"/> reads: its criteria, the rollback triggers and the contingency rules.</summary>
    internal static IReadOnlyList<string> MetricKeysOf(PlanPhase phase, TimeSpan offset) => [.. phase.CriteriaAt(offset).Select(criterion => criterion.Metric)
        .Concat(phase.AutoRollbackTriggers.Select(trigger => trigger.Metric))
        .Concat(phase.ContingencyRules.SelectMany(rule => rule.When).Select(condition => condition.Metric))
        .Distinct(StringComparer.Ordinal)];

    private async Task<CheckpointMeasurements> MeasureAsync(
        CheckpointEvaluationRequest request, IReadOnlyList<string> metricKeys, TimeSpan interval, CancellationToken cancellationToken)
    {
        var window = request.Window;
        var families = metricKeys.Select(MetricFamilies.Of).OfType<MetricFamily>().Distinct().Order().ToList();
        var shown = _statements.For(families, window, interval);
        var run = new PhaseRunKey(request.RolloutId, request.PhaseIndex, window.PhaseStart);
        var wholeEnd = _sums.OnGrid(window.PhaseStart, window.DueAt);
        var lastOffGrid = _sums.OnGrid(window.PhaseStart, window.LastIntervalStart) != window.LastIntervalStart;
        var reads = new List<FamilyRead>();
        foreach (var family in families)
        {
            var shape = _sums.Shape(family, window.PhaseStart);
            var count = _statements.Sums(family, window.PhaseStart, window.PhaseStart, window.DueAt, _options.SampleInterval).Count;
            var reused = request.FreshRead
                ? ReusedSums.None(window.PhaseStart, count)
                : await _sums.ReusableAsync(run, family, shape, wholeEnd, count, cancellationToken).ConfigureAwait(false);
            var statements = reused.End < window.DueAt
                ? [.. _statements.Sums(family, window.PhaseStart, reused.End, window.DueAt, _options.SampleInterval)]
                : new List<CheckpointStatement>();
            if (lastOffGrid)
            {
                statements.Add(_statements.LastInterval(family, window.LastIntervalStart, window.DueAt));
            }

            reads.Add(new FamilyRead(family, shape, reused, statements));
        }

        var fresh = reads.SelectMany(read => read.Statements).ToList();
        var readAt = timeProvider.GetUtcNow();
        IReadOnlyList<InfluxStatementResult> results = [];
        List<FamilyAnswer> answers;
        CheckpointMeasurements measurements;
        try
        {
            var query = string.Join(";\n", fresh.Select(statement => statement.Text));
            (results, answers, measurements) = await TornReadRetry.ReadAsync(
                async token =>
                {
                    var answer = fresh.Count == 0 ? [] : await influx.QueryAsync(query, token).ConfigureAwait(false);
                    var byFamily = SettledSums.Answers(reads, answer);
                    return (answer, byFamily, CheckpointMeasurements.Read(window, interval, shown, byFamily, _schema.Tags));
                },
                read => read.Item3.HasIncompletePoints,
                _schema.TornReadBackoff,
                timeProvider,
                cancellationToken).ConfigureAwait(false);
        }
        catch (InfluxException ex)
        {
            LogQueryFailed(ex, window.DueAt);
            return CheckpointMeasurements.Unavailable(window, interval, shown, $"InfluxDB query failed: {ex.Message}", _schema.Tags);
        }

        // Whole intervals that ended ReuseAfter before the read are kept; torn or failed answers never are.
        await _sums.StoreAsync(
            run, reads, results, answers, measurements.HasIncompletePoints, _sums.SettledEnd(window.PhaseStart, readAt, wholeEnd), cancellationToken)
            .ConfigureAwait(false);
        return measurements;
    }

    private async Task<(double? Cumulative, double? Last, string? Reason)> CountAsync(
        CheckpointEvaluationRequest request, string metricKey, CancellationToken cancellationToken)
    {
        if (request.Incidents is not { } incidents)
        {
            return (null, null, $"No incident source was given for {metricKey}");
        }

        var window = request.Window;
        try
        {
            var cumulative = await incidents.CountAsync(request.RolloutId, metricKey, window.PhaseStart, window.DueAt, cancellationToken).ConfigureAwait(false);
            var last = await incidents.CountAsync(request.RolloutId, metricKey, window.LastIntervalStart, window.DueAt, cancellationToken).ConfigureAwait(false);
            return (cumulative, last, cumulative is null ? $"The incident source has no count of {metricKey}" : null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Any failure of the incident source is "not known", which is NO_DATA, never a pass.
            LogIncidentsFailed(ex, metricKey);
            return (null, null, $"Reading {metricKey} failed: {ex.Message}");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checkpoint due {DueAt} could not read InfluxDB; its InfluxDB criteria are NO_DATA")]
    private partial void LogQueryFailed(Exception exception, DateTimeOffset dueAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checkpoint could not read {MetricKey} from the incident source; it is NO_DATA")]
    private partial void LogIncidentsFailed(Exception exception, string metricKey);
}
