using Dashboard.Core.Checkpoints;
using Dashboard.Core.Metrics;
using Dashboard.Core.Statistics;
using Dashboard.Infrastructure.Influx;
using Dashboard.Infrastructure.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Infrastructure.Checkpoints;

/// <summary>
/// Evaluates one checkpoint (docs/checkpoints.md): reads every InfluxDB metric the phase's criteria,
/// rollback triggers and contingency rules name — cumulative, last interval and per sample
/// interval — in one HTTP request, asks <see cref="IIncidentCounts"/> for the counts InfluxDB does
/// not hold, judges each criterion with its options, suggests a decision and adds the advisory
/// statistical comparison of canary against baseline (<see cref="CheckpointComparison"/>). InfluxDB being down, a failed statement,
/// an empty window or a requests point still torn after re-reading (<see cref="TornReadRetry"/>) make
/// the criteria concerned NO_DATA with the reason; they never throw.
/// </summary>
public sealed partial class CheckpointEvaluator(
    IInfluxClient influx,
    IOptions<MetricsSchemaOptions> schema,
    IOptions<CheckpointEvaluatorOptions> options,
    TimeProvider timeProvider,
    ILogger<CheckpointEvaluator> logger)
{
    private readonly CheckpointStatements _statements = new(schema.Value);
    private readonly MetricsSchemaOptions _schema = schema.Value;
    private readonly CheckpointEvaluatorOptions _options = options.Value;
    private readonly CanaryJudge _judge = new(options.Value.Judge);

    /// <summary>
    /// The sample interval for a cumulative window: <see cref="CheckpointEvaluatorOptions.SampleInterval"/>,
    /// widened to keep at most <see cref="CheckpointEvaluatorOptions.MaxSamples"/> intervals.
    /// </summary>
    public TimeSpan SampleIntervalFor(TimeSpan cumulativeWindow)
    {
        var capped = ChartBucket.Width(cumulativeWindow, _options.MaxSamples, _schema.PointInterval);
        return capped > _options.SampleInterval ? capped : _options.SampleInterval;
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
        var metricKeys = criteria.Select(criterion => criterion.Metric)
            .Concat(phase.AutoRollbackTriggers.Select(trigger => trigger.Metric))
            .Concat(phase.ContingencyRules.SelectMany(rule => rule.When).Select(condition => condition.Metric))
            .Distinct(StringComparer.Ordinal)
            .ToList();

        var interval = SampleIntervalFor(window.Cumulative);
        var measurements = await MeasureAsync(metricKeys, window, interval, cancellationToken).ConfigureAwait(false);
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

    private async Task<CheckpointMeasurements> MeasureAsync(
        IReadOnlyList<string> metricKeys, CheckpointWindow window, TimeSpan interval, CancellationToken cancellationToken)
    {
        var families = metricKeys.Select(MetricFamilies.Of).OfType<MetricFamily>().ToList();
        var statements = _statements.For(families, window, interval);
        if (statements.Count == 0)
        {
            return CheckpointMeasurements.Read(window, interval, statements, [], _schema.Tags);
        }

        try
        {
            var query = string.Join(";\n", statements.Select(statement => statement.Text));
            return await TornReadRetry.ReadAsync(
                async token => CheckpointMeasurements.Read(
                    window, interval, statements, await influx.QueryAsync(query, token).ConfigureAwait(false), _schema.Tags),
                measurements => measurements.HasIncompletePoints,
                _schema.TornReadBackoff,
                timeProvider,
                cancellationToken).ConfigureAwait(false);
        }
        catch (InfluxException ex)
        {
            LogQueryFailed(ex, window.DueAt);
            return CheckpointMeasurements.Unavailable(window, interval, statements, $"InfluxDB query failed: {ex.Message}", _schema.Tags);
        }
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
