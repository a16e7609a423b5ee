namespace Dashboard.Infrastructure.Influx;

/// <summary>The result of one InfluxQL statement: its series, or the server's error for it.</summary>
public sealed record InfluxStatementResult(int StatementId, IReadOnlyList<InfluxSeries> Series, string? Error);
