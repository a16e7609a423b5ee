using System.Text;
using System.Text.Json;
using Dashboard.Infrastructure.Checkpoints;
using Dashboard.Infrastructure.Influx;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Infrastructure.Persistence;

/// <summary>
/// Keeps the checkpoint evaluator's settled sums in the state store, so they survive a restart and every
/// instance on the same database reuses them. The results are stored as InfluxDB's own JSON and read back by
/// its parser: a long stays a long and a double round-trips exactly, so a reused sum is the very number read.
/// </summary>
public sealed class IntervalSumStore(IDbContextFactory<WarRoomDbContext> contextFactory) : IIntervalSumStore
{
    public async Task<IReadOnlyList<IntervalSumChunk>> LoadAsync(PhaseRunKey run, string family, string shape, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var records = await Matching(db, run, family, shape).AsNoTracking().ToListAsync(cancellationToken);
        return [.. records.Select(record => new IntervalSumChunk(
            record.Family, record.Shape, record.From, record.To, record.ReadAt, QueryResponseParser.Parse(record.ResultsJson)))];
    }

    public async Task SaveAsync(PhaseRunKey run, IntervalSumChunk chunk, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(chunk);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        // A newer read of the same intervals replaces the older one (a re-run sees points that came late). Only the
        // ranges are read (SQLite cannot compare the stored times): the top-up saves every minute beside hundreds of chunks.
        var inside = (await Matching(db, run, chunk.Family, chunk.Shape).Select(record => new { record.Id, record.From, record.To })
                .ToListAsync(cancellationToken))
            .Where(record => record.From >= chunk.From && record.To <= chunk.To)
            .Select(record => record.Id)
            .ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (inside.Count > 0)
        {
            await db.IntervalSums.Where(record => inside.Contains(record.Id)).ExecuteDeleteAsync(cancellationToken);
        }

        db.IntervalSums.Add(new IntervalSumRecord
        {
            Id = Guid.NewGuid(),
            RolloutId = run.RolloutId,
            PhaseIndex = run.PhaseIndex,
            PhaseStartedAt = run.PhaseStart,
            Family = chunk.Family,
            Shape = chunk.Shape,
            From = chunk.From,
            To = chunk.To,
            ReadAt = chunk.ReadAt,
            ResultsJson = Json(chunk.Results),
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<IntervalSumRange>> RangesAsync(PhaseRunKey run, string family, string shape, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var ranges = await Matching(db, run, family, shape).Select(record => new { record.From, record.To }).ToListAsync(cancellationToken);
        return [.. ranges.Select(range => new IntervalSumRange(range.From, range.To))];
    }

    public async Task<IReadOnlyList<IntervalSumRun>> RunsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.IntervalSums.Select(record => new { record.RolloutId, record.PhaseIndex, record.PhaseStartedAt, record.ReadAt })
            .ToListAsync(cancellationToken);
        return [.. rows
            .GroupBy(row => new PhaseRunKey(row.RolloutId, row.PhaseIndex, row.PhaseStartedAt))
            .Select(run => new IntervalSumRun(run.Key, run.Max(row => row.ReadAt)))];
    }

    public async Task<int> DeleteAsync(PhaseRunKey run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.IntervalSums
            .Where(record => record.RolloutId == run.RolloutId && record.PhaseIndex == run.PhaseIndex && record.PhaseStartedAt == run.PhaseStart)
            .ExecuteDeleteAsync(cancellationToken);
    }

    private static IQueryable<IntervalSumRecord> Matching(WarRoomDbContext db, PhaseRunKey run, string family, string shape) =>
        db.IntervalSums.Where(record => record.RolloutId == run.RolloutId && record.PhaseIndex == run.PhaseIndex
            && record.PhaseStartedAt == run.PhaseStart && record.Family == family && record.Shape == shape);

    // The shape of InfluxDB's /query answer: {"results":[{"statement_id":0,"series":[{"name","tags","columns","values"}]}]}.
    private static string Json(IReadOnlyList<InfluxStatementResult> results)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("results");
            foreach (var result in results)
            {
                json.WriteStartObject();
                json.WriteNumber("statement_id", result.StatementId);
                json.WriteStartArray("series");
                foreach (var series in result.Series)
                {
                    WriteSeries(json, series);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteSeries(Utf8JsonWriter json, InfluxSeries series)
    {
        json.WriteStartObject();
        json.WriteString("name", series.Name);
        json.WriteStartObject("tags");
        foreach (var (key, value) in series.Tags)
        {
            json.WriteString(key, value);
        }

        json.WriteEndObject();
        json.WriteStartArray("columns");
        foreach (var column in series.Columns)
        {
            json.WriteStringValue(column);
        }

        json.WriteEndArray();
        json.WriteStartArray("values");
        foreach (var row in series.Values)
        {
            json.WriteStartArray();
            foreach (var cell in row)
            {
                switch (cell)
                {
                    case long integer:
                        json.WriteNumberValue(integer);
                        break;
                    case double number:
                        json.WriteNumberValue(number);
                        break;
                    case string text:
                        json.WriteStringValue(text);
                        break;
                    case bool flag:
                        json.WriteBooleanValue(flag);
                        break;
                    default:
                        json.WriteNullValue();
                        break;
                }
            }

            json.WriteEndArray();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
