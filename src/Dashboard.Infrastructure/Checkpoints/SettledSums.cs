using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dashboard.Infrastructure.Influx;
using Microsoft.Extensions.Logging;

namespace Dashboard.Infrastructure.Checkpoints;

/// <summary>
/// The settled per-interval sums of phase runs in <see cref="IIntervalSumStore"/> (docs/checkpoints.md, "Reusing settled
/// sums"): the shape a family's sums are stored under, the run of stored intervals a read can reuse, the merging of reused
/// and fresh answers, and storing the whole, settled intervals a read returned. The checkpoint evaluator and the
/// background top-up (<see cref="CheckpointSumTopUp"/>) both go through here, so they store and find the very same chunks.
/// Without a store nothing is reused or stored.
/// </summary>
internal sealed partial class SettledSums(
    IIntervalSumStore? store,
    CheckpointStatements statements,
    InfluxOptions influx,
    CheckpointEvaluatorOptions options,
    TimeProvider timeProvider,
    ILogger logger)
{
    public bool HasStore => store is not null;

    /// <summary>The start of the stored interval holding <paramref name="time"/> (intervals are aligned on the phase start).</summary>
    public DateTimeOffset OnGrid(DateTimeOffset phaseStart, DateTimeOffset time) => time <= phaseStart
        ? phaseStart
        : phaseStart + TimeSpan.FromTicks((time - phaseStart).Ticks / options.SampleInterval.Ticks * options.SampleInterval.Ticks);

    /// <summary>The end of the whole intervals that ended <c>ReuseAfter</c> before <paramref name="readAt"/>, at most <paramref name="limit"/>.</summary>
    public DateTimeOffset SettledEnd(DateTimeOffset phaseStart, DateTimeOffset readAt, DateTimeOffset limit)
    {
        var settled = readAt - options.ReuseAfter;
        return OnGrid(phaseStart, settled < limit ? settled : limit);
    }

    /// <summary>
    /// Everything but the time range that decides InfluxDB's answer: the statements with epoch-0 placeholders for the
    /// range (the same for every chunk), and the InfluxDB URL, database and retention policy.
    /// </summary>
    public string Shape(MetricFamily family, DateTimeOffset phaseStart)
    {
        var text = new StringBuilder()
            .Append(influx.Url).Append('\n').Append(influx.Database).Append('\n').Append(influx.RetentionPolicy).Append('\n')
            .AppendJoin(";\n", statements.Sums(family, phaseStart, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, options.SampleInterval).Select(s => s.Text));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>The stored sums of the family from the phase start on, cut at <paramref name="end"/>; none when the store cannot be read.</summary>
    public async Task<ReusedSums> ReusableAsync(
        PhaseRunKey run, MetricFamily family, string shape, DateTimeOffset end, int statementCount, CancellationToken cancellationToken)
    {
        if (store is null)
        {
            return ReusedSums.None(run.PhaseStart, statementCount);
        }

        try
        {
            var chunks = await store.LoadAsync(run, family.ToString(), shape, cancellationToken).ConfigureAwait(false);
            return ReusedSums.Of(chunks, run.PhaseStart, end, statementCount);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A store that cannot be read is a miss: the whole window is read from InfluxDB.
            LogReuseFailed(ex, family.ToString());
            return ReusedSums.None(run.PhaseStart, statementCount);
        }
    }

    /// <summary>Where the family's stored sums end (the phase start when none are), or null when the store cannot be read.</summary>
    public async Task<DateTimeOffset?> StoredUntilAsync(PhaseRunKey run, MetricFamily family, string shape, CancellationToken cancellationToken)
    {
        if (store is null)
        {
            return null;
        }

        try
        {
            return ReusedSums.EndOf(await store.RangesAsync(run, family.ToString(), shape, cancellationToken).ConfigureAwait(false), run.PhaseStart);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogReuseFailed(ex, family.ToString());
            return null;
        }
    }

    /// <summary>Each family's reused series first, then what InfluxDB answered for the rest: every interval once.</summary>
    public static List<FamilyAnswer> Answers(IReadOnlyList<FamilyRead> reads, IReadOnlyList<InfluxStatementResult> results)
    {
        var answers = new List<FamilyAnswer>();
        var index = 0;
        foreach (var read in reads)
        {
            var fresh = new Dictionary<StatementRole, IReadOnlyList<InfluxSeries>>();
            string? failure = null;
            foreach (var statement in read.Statements)
            {
                var i = index++;
                if (i >= results.Count || results[i].Error is not null)
                {
                    var error = i < results.Count ? results[i].Error : null;
                    // InfluxDB 1.x stops at the first failing statement and reports the rest as missing.
                    failure ??= error is null
                        ? "InfluxDB did not run the statement (an earlier statement failed)"
                        : string.Create(CultureInfo.InvariantCulture, $"InfluxDB statement {i} failed: {(error == "not executed" ? "not executed (does the configured database exist?)" : error)}");
                    continue;
                }

                fresh[statement.Role] = results[i].Series;
            }

            answers.Add(failure is not null
                ? FamilyAnswer.Failed(read.Family, failure)
                : new FamilyAnswer(
                    read.Family,
                    [.. read.Reused.Series[0], .. fresh.GetValueOrDefault(StatementRole.Sums, [])],
                    read.Reused.Series.Count > 1 ? [.. read.Reused.Series[1], .. fresh.GetValueOrDefault(StatementRole.LearnerSums, [])] : [],
                    fresh.GetValueOrDefault(StatementRole.LastInterval)));
        }

        return answers;
    }

    /// <summary>
    /// Stores each family's whole intervals from where its reused sums end to <paramref name="settledEnd"/>; a family whose
    /// answer failed is never stored, nor the requests family while a group of it is torn (<paramref name="requestsTorn"/>).
    /// </summary>
    public async Task StoreAsync(
        PhaseRunKey run, IReadOnlyList<FamilyRead> reads, IReadOnlyList<InfluxStatementResult> results, IReadOnlyList<FamilyAnswer> answers,
        bool requestsTorn, DateTimeOffset settledEnd, CancellationToken cancellationToken)
    {
        if (store is null)
        {
            return;
        }

        var index = 0;
        foreach (var (read, answer) in reads.Zip(answers))
        {
            var first = index;
            index += read.Statements.Count;
            if (answer.Failure is not null || settledEnd <= read.Reused.End || (read.Family == MetricFamily.Requests && requestsTorn))
            {
                continue;
            }

            var stored = read.Statements
                .Select((statement, i) => (statement, result: results[first + i]))
                .Where(pair => pair.statement.Role is StatementRole.Sums or StatementRole.LearnerSums)
                .Select(pair => pair.result with { Series = ReusedSums.Slice(pair.result.Series, read.Reused.End, settledEnd) })
                .ToList();
            try
            {
                await store.SaveAsync(
                    run,
                    new IntervalSumChunk(read.Family.ToString(), read.Shape, read.Reused.End, settledEnd, timeProvider.GetUtcNow(), stored),
                    cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogReuseFailed(ex, read.Family.ToString());
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stored sums of the {Family} family could not be used; InfluxDB is read in full instead")]
    private partial void LogReuseFailed(Exception exception, string family);
}
