using System.Collections.Concurrent;
using Dashboard.Infrastructure.Influx;

namespace Dashboard.Integration.Tests.Metrics;

/// <summary>
/// Passes every call to the real client, keeps the queries and counts their answers. Given points to write
/// after the first answer, it writes them before handing that answer to the reader: they land after
/// the reader's first read and before any re-read, as a slow writer's second half of a point would.
/// </summary>
internal sealed class QueryObservingInfluxClient(IInfluxClient inner, IReadOnlyCollection<InfluxPoint>? writeAfterFirstAnswer = null) : IInfluxClient
{
    private readonly ConcurrentQueue<string> _queries = new();
    private int _answers;

    /// <summary>Queries answered so far.</summary>
    public int Answers => Volatile.Read(ref _answers);

    /// <summary>The text of every query sent, in order.</summary>
    public IReadOnlyList<string> Queries => [.. _queries];

    public async Task<IReadOnlyList<InfluxStatementResult>> QueryAsync(string influxQl, CancellationToken cancellationToken = default)
    {
        _queries.Enqueue(influxQl);
        var results = await inner.QueryAsync(influxQl, cancellationToken);
        if (Interlocked.Increment(ref _answers) == 1 && writeAfterFirstAnswer is not null)
        {
            await inner.WriteAsync(writeAfterFirstAnswer, cancellationToken);
        }

        return results;
    }

    public Task WriteAsync(IReadOnlyCollection<InfluxPoint> points, CancellationToken cancellationToken = default) =>
        inner.WriteAsync(points, cancellationToken);

    public Task<TimeSpan> PingAsync(CancellationToken cancellationToken = default) => inner.PingAsync(cancellationToken);

    public Task EnsureDatabaseAsync(CancellationToken cancellationToken = default) => inner.EnsureDatabaseAsync(cancellationToken);
}
