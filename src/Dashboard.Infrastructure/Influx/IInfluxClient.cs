namespace Dashboard.Infrastructure.Influx;

/// <summary>
/// The small part of InfluxDB's HTTP API the product needs: line protocol to <c>/write</c>,
/// InfluxQL to <c>/query</c> and <c>/ping</c>. Served by InfluxDB 1.x, 2.x (v1 compatibility) and 3.x.
/// </summary>
public interface IInfluxClient
{
    /// <summary>Writes the points in one request (split on 413). Throws an <see cref="InfluxException"/> on failure.</summary>
    Task WriteAsync(IReadOnlyCollection<InfluxPoint> points, CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs one or more InfluxQL statements (separated by <c>;</c>) in one request with
    /// <c>epoch=ms</c>. A statement's own error is returned in its result, not thrown. InfluxDB 1.x
    /// stops at the first failing statement, so there may be fewer results than statements.
    /// </summary>
    Task<IReadOnlyList<InfluxStatementResult>> QueryAsync(string influxQl, CancellationToken cancellationToken = default);

    /// <summary>Round trip to <c>/ping</c>; throws when the server cannot be reached.</summary>
    Task<TimeSpan> PingAsync(CancellationToken cancellationToken = default);

    /// <summary>Creates the configured database if it does not exist (idempotent).</summary>
    Task EnsureDatabaseAsync(CancellationToken cancellationToken = default);
}
