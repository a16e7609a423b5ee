using Dashboard.Infrastructure.Influx;
using Dashboard.Integration.Tests.TestSupport;

namespace Dashboard.Integration.Tests.Influx;

/// <summary>Hostile names and values written through line protocol read back exactly from influxd 1.6.7.</summary>
[Collection(InfluxCollection.Name)]
public sealed class InfluxRoundTripTests(InfluxServerFixture fixture)
{
    private static readonly DateTimeOffset At = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123);

    /// <summary>Names every position accepts: spaces, commas, equals, quotes, backslashes, emoji.</summary>
    public static TheoryData<string> HostileNames =>
    [
        "with space", "with,comma", "with=equals", "with\"double", "with'single", @"back\slash", @"\leading",
        @"double\\backslash", "x' OR 1=1 --", "emoji 😀", "tab\tchar", " leading space", "trailing space ",
    ];

    /// <summary>Tag keys and values also carry a backslash before a special character.</summary>
    public static TheoryData<string> HostileTagTexts =>
    [
        "with space", "with,comma", "with=equals", "with\"double", @"a\'b", @"back\ slash", @"back\,comma", @"back\=eq",
        "back\\\"quote", "x' OR 1=1 --", "emoji 😀", "cr\rchar", "#hash", "a\"b",
    ];

    public static TheoryData<string> HostileStrings =>
    [
        "", "with space", "with,comma=x", "say \"hi\"", @"C:\dir\", @"\", @"\""", "two\nlines", "\n", "cr\r\nlf",
        "x' OR 1=1 --", "emoji 😀", "tab\t", "nul\0char", @"a\'b",
    ];

    [Theory]
    [MemberData(nameof(HostileNames))]
    [InlineData("m")]
    public async Task Write_HostileMeasurement_RoundTrips(string measurement)
    {
        var client = await CreateClientAsync();

        await client.WriteAsync([new InfluxPoint(measurement, At).Field("v", 1L)]);

        var series = await SingleSeriesAsync(client, $"SELECT * FROM {InfluxQl.Identifier(measurement)}");
        Assert.Equal(measurement, series.Name);
        Assert.Equal(1L, series.Values[0][series.ColumnIndex("v")]);
    }

    [Theory]
    [MemberData(nameof(HostileTagTexts))]
    [MemberData(nameof(HostileNames))]
    public async Task Write_HostileTagKeyAndValue_RoundTrip(string text)
    {
        var client = await CreateClientAsync();

        await client.WriteAsync([new InfluxPoint("m", At).Tag(text, text).Tag("other", "x").Field("v", 1L)]);

        var series = await SingleSeriesAsync(client, "SELECT * FROM m GROUP BY *");
        Assert.Equal(text, Assert.Single(series.Tags, t => t.Key != "other").Value);
        Assert.Equal(text, series.Tags.Keys.Single(k => k != "other"));
    }

    [Theory]
    [MemberData(nameof(HostileNames))]
    public async Task Write_HostileFieldKey_RoundTrips(string key)
    {
        var client = await CreateClientAsync();

        await client.WriteAsync([new InfluxPoint("m", At).Field(key, 2L).Field("zz", 3L)]);

        var series = await SingleSeriesAsync(client, "SELECT * FROM m");
        Assert.Equal(3, series.Columns.Count);
        Assert.Equal(2L, series.Values[0][series.ColumnIndex(key)]);
        Assert.Equal(3L, series.Values[0][series.ColumnIndex("zz")]);
    }

    [Theory]
    [MemberData(nameof(HostileStrings))]
    public async Task Write_HostileStringField_RoundTrips(string value)
    {
        var client = await CreateClientAsync();

        await client.WriteAsync([new InfluxPoint("m", At).Field("s", value)]);

        var series = await SingleSeriesAsync(client, "SELECT s FROM m");
        Assert.Equal(value, series.Values[0][1]);
    }

    [Fact]
    public async Task Write_IntegerAndFloatFields_KeepTheirTypes()
    {
        var client = await CreateClientAsync();

        await client.WriteAsync([new InfluxPoint("m", At).Field("count", 7L).Field("ratio", 2.5).Field("whole", 1.0).Field("ok", true).Field("max", long.MaxValue)]);

        var series = await SingleSeriesAsync(client, "SELECT count, ratio, whole, ok, max FROM m");
        Assert.IsType<long>(series.Values[0][series.ColumnIndex("count")]);
        Assert.Equal(7L, series.Values[0][series.ColumnIndex("count")]);
        Assert.Equal(2.5, Assert.IsType<double>(series.Values[0][series.ColumnIndex("ratio")]));
        Assert.Equal(1.0, series.GetDouble(0, "whole"));
        Assert.Equal(true, series.Values[0][series.ColumnIndex("ok")]);
        Assert.Equal(long.MaxValue, series.Values[0][series.ColumnIndex("max")]);
        Assert.Equal(At, series.GetTime(0));

        // The JSON shows 1.0 as "1"; the stored type proves it was written as a float.
        var fieldTypes = await SingleSeriesAsync(client, "SHOW FIELD KEYS FROM m");
        var types = fieldTypes.Values.ToDictionary(row => (string)row[0]!, row => (string)row[1]!);
        Assert.Equal("integer", types["count"]);
        Assert.Equal("float", types["ratio"]);
        Assert.Equal("float", types["whole"]);
        Assert.Equal("boolean", types["ok"]);
    }

    [Fact]
    public async Task Write_ManyPointsInOneBatch_AllArrive()
    {
        var client = await CreateClientAsync();
        var points = Enumerable.Range(0, 2_000)
            .Select(i => new InfluxPoint("requests", At.AddSeconds(i)).Tag("cohort", i % 2 == 0 ? "canary" : "baseline").Field("count", (long)i))
            .ToList();

        await client.WriteAsync(points);

        var series = await SingleSeriesAsync(client, "SELECT count(count), sum(count) FROM requests");
        Assert.Equal(2_000L, series.Values[0][1]);
        Assert.Equal(1_999L * 2_000 / 2, series.Values[0][2]);
    }

    private async Task<InfluxHttpClient> CreateClientAsync() =>
        InfluxClients.Create(fixture.Url, await fixture.CreateDatabaseAsync("roundtrip"));

    private static async Task<InfluxSeries> SingleSeriesAsync(InfluxHttpClient client, string query)
    {
        var result = Assert.Single(await client.QueryAsync(query));
        Assert.Null(result.Error);
        return Assert.Single(result.Series);
    }
}
