using System.Globalization;

namespace Dashboard.Infrastructure.Influx;

/// <summary>
/// One series of a query result. <see cref="Values"/> holds one row per point, each cell a
/// <see cref="long"/>, <see cref="double"/>, <see cref="string"/>, <see cref="bool"/> or null.
/// The <c>time</c> column is Unix epoch milliseconds (<see cref="long"/>).
/// InfluxDB's JSON writes an integral float without a decimal point, so a float column may hold
/// <see cref="long"/> cells: read numeric columns with <see cref="GetDouble"/>.
/// </summary>
public sealed record InfluxSeries(
    string Name,
    IReadOnlyDictionary<string, string> Tags,
    IReadOnlyList<string> Columns,
    IReadOnlyList<IReadOnlyList<object?>> Values)
{
    /// <summary>Index of a column by exact name, or -1.</summary>
    public int ColumnIndex(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (string.Equals(Columns[i], column, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>A numeric cell as a double (whether the JSON held it as integer or float); null for null or a missing column.</summary>
    public double? GetDouble(int row, string column) => Cell(row, column) switch
    {
        long integer => integer,
        double number => number,
        null => null,
        var other => throw new InvalidCastException($"Column '{column}' holds {other.GetType().Name}, not a number."),
    };

    /// <summary>An integer cell; null for null or a missing column.</summary>
    public long? GetInt64(int row, string column) => Cell(row, column) switch
    {
        long integer => integer,
        double number when number == Math.Truncate(number) && Math.Abs(number) < 9.2e18 => (long)number,
        null => null,
        var other => throw new InvalidCastException($"Column '{column}' holds {Convert.ToString(other, CultureInfo.InvariantCulture)}, not an integer."),
    };

    /// <summary>The <c>time</c> cell of a row (queries run with <c>epoch=ms</c>).</summary>
    public DateTimeOffset GetTime(int row) =>
        GetInt64(row, "time") is { } ms
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : throw new InvalidOperationException($"Series '{Name}' has no time in row {row}.");

    private object? Cell(int row, string column)
    {
        var index = ColumnIndex(column);
        return index < 0 || index >= Values[row].Count ? null : Values[row][index];
    }
}
