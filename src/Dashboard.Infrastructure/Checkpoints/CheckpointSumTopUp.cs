using Dashboard.Core.Checkpoints;
using Dashboard.Core.Metrics;
using Dashboard.Core.Plans;
using Dashboard.Infrastructure.Influx;
using Dashboard.Infrastructure.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Infrastructure.Checkpoints;

/// <summary>
/// Reads and stores the settled per-interval sums of a phase run ahead of its checkpoints (docs/checkpoints.md, "Topping
/// up while the phase runs"), so a checkpoint reads from InfluxDB only the minutes that settled since the last top-up.
/// It reads exactly what the checkpoint evaluator reads — the same statements per family (every family some checkpoint
/// of the phase needs), the same shape, the same torn-read checks — and stores through the same <see cref="SettledSums"/>,
/// so the evaluator finds these chunks as its own. A tick reads at most <see cref="CheckpointSumTopUpOptions.MaxReadPerTick"/>
/// from where the stored sums end, sends nothing when no interval settled since, and stores nothing from a failed or torn read.
/// </summary>
public sealed partial class CheckpointSumTopUp(
    IInfluxClient influx,
    IOptions<InfluxOptions> influxOptions,
    IOptions<MetricsSchemaOptions> schema,
    IOptions<CheckpointEvaluatorOptions> options,
    TimeProvider timeProvider,
    ILogger<CheckpointSumTopUp> logger,
    IIntervalSumStore sums)
{
    private readonly CheckpointStatements _statements = new(schema.Value);
    private readonly MetricsSchemaOptions _schema = schema.Value;
    private readonly CheckpointEvaluatorOptions _options = options.Value;
    private readonly SettledSums _sums = new(sums, new CheckpointStatements(schema.Value), influxOptions.Value, options.Value, timeProvider, logger);

    public async Task<SumTopUpResult> TopUpAsync(PhaseRunKey run, PlanPhase phase, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(phase);
        var families = phase.Checkpoints
            .SelectMany(offset => CheckpointEvaluator.MetricKeysOf(phase, offset))
            .Select(MetricFamilies.Of).OfType<MetricFamily>().Distinct().Order().ToList();
        var settledEnd = _sums.SettledEnd(run.PhaseStart, timeProvider.GetUtcNow(), DateTimeOffset.MaxValue);
        var storedUntil = new List<(MetricFamily Family, string Shape, DateTimeOffset From)>();
        foreach (var family in families)
        {
            var shape = _sums.Shape(family, run.PhaseStart);
            if (await _sums.StoredUntilAsync(run, family, shape, cancellationToken).ConfigureAwait(false) is { } from && from < settledEnd)
            {
                storedUntil.Add((family, shape, from));
            }
        }

        if (storedUntil.Count == 0)
        {
            return SumTopUpResult.Nothing;
        }

        // One end for every family, so one statement set and one torn-read check cover them; a family further behind
        // catches up first and the others wait for it.
        var start = storedUntil.Min(family => family.From);
        var to = _sums.OnGrid(run.PhaseStart, start + _options.TopUp.MaxReadPerTick);
        to = to < settledEnd ? to : settledEnd;
        var reads = storedUntil
            .Where(family => family.From < to)
            .Select(family =>
            {
                var statements = _statements.Sums(family.Family, run.PhaseStart, family.From, to, _options.SampleInterval);
                return new FamilyRead(family.Family, family.Shape, ReusedSums.None(family.From, statements.Count), [.. statements]);
            })
            .ToList();
        var query = string.Join(";\n", reads.SelectMany(read => read.Statements).Select(statement => statement.Text));
        // The intervals read, as a window the evaluator's own arithmetic checks for torn requests groups.
        var window = new CheckpointWindow(run.PhaseStart, to, run.PhaseStart);
        try
        {
            var (results, answers, torn) = await TornReadRetry.ReadAsync(
                async token =>
                {
                    var answer = await influx.QueryAsync(query, token).ConfigureAwait(false);
                    var byFamily = SettledSums.Answers(reads, answer);
                    var measured = CheckpointMeasurements.Read(window, _options.SampleInterval, [], byFamily, _schema.Tags);
                    return (Results: answer, Answers: byFamily, Torn: measured.HasIncompletePoints);
                },
                read => read.Torn,
                _schema.TornReadBackoff,
                timeProvider,
                cancellationToken).ConfigureAwait(false);
            await _sums.StoreAsync(run, reads, results, answers, torn, to, cancellationToken).ConfigureAwait(false);
            var failure = answers.Select(answer => answer.Failure).FirstOrDefault(failure => failure is not null)
                ?? (torn ? "a requests group was still torn after the re-reads" : null);
            return new SumTopUpResult(reads.Count, start, to, failure);
        }
        catch (InfluxException ex)
        {
            LogQueryFailed(ex, run.RolloutId, run.PhaseIndex);
            return new SumTopUpResult(reads.Count, start, to, $"InfluxDB query failed: {ex.Message}");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Topping up the stored sums of phase {PhaseIndex} of rollout {RolloutId} could not read InfluxDB; nothing was stored")]
    private partial void LogQueryFailed(Exception exception, string rolloutId, int phaseIndex);
}
