using System.Globalization;
using Dashboard.Infrastructure.Influx;

namespace Dashboard.Infrastructure.Metrics;

/// <summary>Checks and reads the results of the metric statements.</summary>
internal static class MetricsResults
{
    /// <summary>The tag's value on this series, or the empty string when the series lacks the tag.</summary>
    public static string Tag(this InfluxSeries series, string key) =>
        series.Tags.TryGetValue(key, out var value) ? value : string.Empty;

    /// <summary>Every row of every series of <paramref name="result"/>, by index.</summary>
    public static IEnumerable<(InfluxSeries Series, int Row)> Rows(this InfluxStatementResult result) =>
        result.Series.SelectMany(series => Enumerable.Range(0, series.Values.Count).Select(row => (series, row)));

    /// <summary>Throws when a statement failed or the server returned fewer results than asked.</summary>
    public static void EnsureComplete(IReadOnlyList<InfluxStatementResult> results, int expected)
    {
        foreach (var result in results)
        {
            if (result.Error is { } error)
            {
                // InfluxDB 1.x answers a multi-statement query on a missing database with only this.
                var explained = error == "not executed" ? "not executed (does the configured database exist?)" : error;
                throw new InfluxException(
                    string.Create(CultureInfo.InvariantCulture, $"Metric statement {result.StatementId} failed: {explained}"),
                    statusCode: null,
                    serverMessage: error);
            }
        }

        // InfluxDB 1.x stops at a failed statement, so the error above explains a short answer first.
        if (results.Count < expected)
        {
            throw new InfluxException(string.Create(CultureInfo.InvariantCulture,
                $"InfluxDB answered {results.Count} of {expected} metric statements."));
        }
    }
}
