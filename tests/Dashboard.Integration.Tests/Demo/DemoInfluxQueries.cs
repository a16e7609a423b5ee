using System.Globalization;
using Dashboard.Infrastructure.Influx;

namespace Dashboard.Integration.Tests.Demo;

/// <summary>Plain InfluxQL reads of what the demo wrote.</summary>
internal static class DemoInfluxQueries
{
    public static string Time(DateTimeOffset at) =>
        InfluxQl.StringLiteral(at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));

    /// <summary>The rows of a single-statement query, failing on a statement error.</summary>
    public static async Task<IReadOnlyList<InfluxSeries>> SeriesAsync(IInfluxClient client, string query)
    {
        var result = Assert.Single(await client.QueryAsync(query));
        Assert.Null(result.Error);
        return result.Series;
    }

    /// <summary>Points of <paramref name="measurement"/> with a time in [from, to].</summary>
    public static async Task<long> CountAsync(IInfluxClient client, string measurement, DateTimeOffset from, DateTimeOffset to)
    {
        var series = await SeriesAsync(client, $"SELECT count(*) FROM {InfluxQl.Identifier(measurement)} WHERE time >= {Time(from)} AND time <= {Time(to)}");
        var first = series.Count > 0 ? series[0] : null;
        if (first is null || first.Values.Count == 0)
        {
            return 0;
        }

        // count(*) answers one count per field; every field of a demo point is always present.
        var column = first.Columns.First(c => c.StartsWith("count_", StringComparison.Ordinal));
        return first.GetInt64(0, column) ?? 0;
    }

    /// <summary>
    /// Waits until the write buffer has delivered <paramref name="expected"/> points of a measurement
    /// (the flusher sends them in the background); fails after 20 s, or when more arrived unless
    /// <paramref name="orMore"/>.
    /// </summary>
    public static async Task WaitForPointsAsync(IInfluxClient client, string measurement, DateTimeOffset from, DateTimeOffset to, long expected, bool orMore = false)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        long count;
        while ((count = await CountAsync(client, measurement, from, to)) < expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        if (orMore)
        {
            Assert.True(count >= expected, $"{count} points of {measurement}, expected at least {expected}");
        }
        else
        {
            Assert.Equal(expected, count);
        }
    }
}
