using Dashboard.Core.Metrics;
using Dashboard.Infrastructure.Influx;
using Dashboard.Integration.Tests.Influx;

namespace Dashboard.Integration.Tests.SampleService;

/// <summary>The <c>requests</c> fields a sample service wrote, summed per series.</summary>
internal sealed record RequestsReadBack(IReadOnlyDictionary<string, string> Tags, long Count, long Errors, IReadOnlyList<long> Buckets)
{
    private static readonly string[] Fields = ["count", "errors", .. LatencyHistogram.FieldNames];

    public static async Task<IReadOnlyList<RequestsReadBack>> ReadAsync(Uri influxUrl, string database, string groupBy = "service, cohort, version, segment, region")
    {
        var client = InfluxClients.Create(influxUrl, database);
        var sums = string.Join(", ", Fields.Select(field => $"sum({InfluxQl.Identifier(field)}) AS {InfluxQl.Identifier(field)}"));
        var result = Assert.Single(await client.QueryAsync($"SELECT {sums} FROM requests GROUP BY {groupBy}"));
        Assert.Null(result.Error);
        return [.. result.Series.Select(series => new RequestsReadBack(
            series.Tags,
            series.GetInt64(0, "count") ?? 0,
            series.GetInt64(0, "errors") ?? 0,
            [.. LatencyHistogram.FieldNames.Select(field => series.GetInt64(0, field) ?? 0)]))];
    }

    /// <summary>Field types as InfluxDB stored them: the schema wants integers throughout.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> FieldTypesAsync(Uri influxUrl, string database)
    {
        var client = InfluxClients.Create(influxUrl, database);
        var result = Assert.Single(await client.QueryAsync("SHOW FIELD KEYS FROM requests"));
        Assert.Null(result.Error);
        var series = Assert.Single(result.Series);
        return Enumerable.Range(0, series.Values.Count).ToDictionary(
            row => (string)series.Values[row][series.ColumnIndex("fieldKey")]!,
            row => (string)series.Values[row][series.ColumnIndex("fieldType")]!);
    }
}
