namespace Dashboard.Infrastructure.Influx;

/// <summary>
/// One series of a query result. <see cref="Values"/> holds one row per point, each cell a
/// <see cref="long"/>, <see cref="double"/>, <see cref="string"/>, <see cref="bool"/> or null.
/// The <c>time</c> column is Unix epoch milliseconds (<see cref="long"/>).
/// </summary>
public sealed record InfluxSeries(
    string Name,
    IReadOnlyDictionary<string, string> Tags,
    IReadOnlyList<string> Columns,
    IReadOnlyList<IReadOnlyList<object?>> Values);
