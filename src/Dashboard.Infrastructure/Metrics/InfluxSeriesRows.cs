using System.Globalization;
using Dashboard.Infrastructure.Influx;

namespace Dashboard.Infrastructure.Metrics;

/// <summary>Reads the cells of query results by column name.</summary>
internal static class InfluxSeriesRows
{
    /// <summary>The numeric cell of <paramref name="column"/>; null when absent or null.</summary>
    public static double? Number(this InfluxSeries series, IReadOnlyList<object?> row, string column)
    {
        var index = IndexOf(series, column);
        if (index < 0 || index >= row.Count)
        {
            return null;
        }

        return row[index] switch
        {
            null => null,
            long value => value,
            double value => value,
            int value => value,
            decimal value => (double)value,
            var other => throw new InfluxException(
                $"Column '{column}' of measurement '{series.Name}' holds a {other.GetType().Name}, not a number; check the Metrics:Fields configuration."),
        };
    }

    /// <summary>The <c>time</c> cell (epoch milliseconds) of <paramref name="row"/>.</summary>
    public static DateTimeOffset Time(this InfluxSeries series, IReadOnlyList<object?> row)
    {
        var value = series.Number(row, MetricsColumns.Time)
            ?? throw new InfluxException($"A row of '{series.Name}' has no time.");
        return DateTimeOffset.FromUnixTimeMilliseconds((long)value);
    }

    /// <summary>The tag's value on this series, or the empty string when the series lacks the tag.</summary>
    public static string Tag(this InfluxSeries series, string key) =>
        series.Tags.TryGetValue(key, out var value) ? value : string.Empty;

    /// <summary>Throws when a statement failed or the server returned fewer results than asked.</summary>
    public static void EnsureComplete(IReadOnlyList<InfluxStatementResult> results, int expected)
    {
        if (results.Count < expected)
        {
            throw new InfluxException(string.Create(CultureInfo.InvariantCulture,
                $"InfluxDB answered {results.Count} of {expected} metric statements."));
        }

        foreach (var result in results)
        {
            if (result.Error is { } error)
            {
                throw new InfluxException(
                    string.Create(CultureInfo.InvariantCulture, $"Metric statement {result.StatementId} failed: {error}"),
                    statusCode: null,
                    serverMessage: error);
            }
        }
    }

    private static int IndexOf(InfluxSeries series, string column)
    {
        for (var i = 0; i < series.Columns.Count; i++)
        {
            if (string.Equals(series.Columns[i], column, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
