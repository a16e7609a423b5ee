using Dashboard.Infrastructure.Influx;
using Dashboard.Integration.Tests.TestSupport;

namespace Dashboard.Integration.Tests.Influx;

/// <summary>Multi-statement queries and user values quoted with <see cref="InfluxQl"/> against influxd 1.6.7.</summary>
[Collection(InfluxCollection.Name)]
public sealed class InfluxQueryTests(InfluxServerFixture fixture)
{
    private static readonly DateTimeOffset At = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000);

    public static TheoryData<string> HostileFilters =>
    [
        "x' OR 1=1 --", "A' OR segment='B", "a\"b", @"a\'b", @"a\", "A\nB", "A\n' OR 1=1", "😀", @"\", "'", "A\t", "A'; DROP DATABASE x; --",
    ];

    [Fact]
    public async Task Query_SeveralStatements_EachHasItsOwnResultOrError()
    {
        var client = await SeededClientAsync();

        var results = await client.QueryAsync(
            "SELECT count(v) FROM requests; SELECT v FROM requests WHERE segment = 'B'; SELECT * FROM \"no_such_db\"..\"requests\"");

        Assert.Equal([0, 1, 2], results.Select(r => r.StatementId));
        Assert.Null(results[0].Error);
        Assert.Equal(2L, results[0].Series[0].Values[0][1]);
        Assert.Null(results[1].Error);
        Assert.Equal(2L, Assert.Single(results[1].Series[0].Values)[1]);
        Assert.Equal("database not found: no_such_db", results[2].Error);
        Assert.Empty(results[2].Series);
    }

    [Fact]
    public async Task Query_FailingStatementBeforeOthers_StopsTheRestAsInfluxd167Does()
    {
        var client = await SeededClientAsync();

        var results = await client.QueryAsync("SELECT count(v) FROM requests; SELECT * FROM \"no_such_db\"..\"requests\"; SELECT v FROM requests");

        // 1.6.7 stops at the first failing statement and reports it as "not executed" (losing its own
        // message) without results for the statements after it. Callers must not assume one result per statement.
        Assert.Equal(2L, results[0].Series[0].Values[0][1]);
        Assert.Equal("not executed", results[1].Error);
        Assert.Equal(2, results.Count);
    }

    [Fact]
    public async Task Query_UnparsableInfluxQl_ThrowsBadRequestWithServerMessage()
    {
        var client = await SeededClientAsync();

        var error = await Assert.ThrowsAsync<InfluxBadRequestException>(() => client.QueryAsync("SELEKT * FROM requests"));

        Assert.Equal(400, error.StatusCode);
        Assert.Contains("error parsing query", error.ServerMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_EmptyResult_HasNoSeries()
    {
        var client = await SeededClientAsync();

        var result = Assert.Single(await client.QueryAsync("SELECT v FROM requests WHERE time > now()"));

        Assert.Null(result.Error);
        Assert.Empty(result.Series);
    }

    [Theory]
    [MemberData(nameof(HostileFilters))]
    public async Task Query_HostileTagFilter_ReturnsNothingOrAnError(string hostile)
    {
        var client = await SeededClientAsync();

        var results = await QueryOrBadRequestAsync(client, $"SELECT v FROM requests WHERE \"segment\" = {InfluxQl.StringLiteral(hostile)}");

        if (results is not null)
        {
            var result = Assert.Single(results);
            Assert.Empty(result.Series);
        }
    }

    [Theory]
    [MemberData(nameof(HostileFilters))]
    public async Task Query_TagValueStoredWithHostileCharacters_IsFoundExactlyByItsLiteral(string hostile)
    {
        if (hostile.EndsWith('\\') || hostile.Contains('\n', StringComparison.Ordinal))
        {
            // Line protocol cannot store these tag values (see LineProtocolTests); the literal must still find nothing.
            Assert.Throws<ArgumentException>(() => new InfluxPoint("requests", At).Tag("segment", hostile));
            return;
        }

        var client = await SeededClientAsync();
        await client.WriteAsync([new InfluxPoint("requests", At.AddSeconds(5)).Tag("segment", hostile).Field("v", 3L)]);

        var series = Assert.Single(Assert.Single(await client.QueryAsync(
            $"SELECT v, segment FROM requests WHERE \"segment\" = {InfluxQl.StringLiteral(hostile)}")).Series);

        var row = Assert.Single(series.Values);
        Assert.Equal(3L, row[1]);
        Assert.Equal(hostile, row[2]);
    }

    [Fact]
    public async Task Query_HostileIdentifier_DoesNotEscapeTheQuotes()
    {
        var client = await SeededClientAsync();

        var results = await QueryOrBadRequestAsync(client, $"SELECT v FROM {InfluxQl.Identifier("requests\" WHERE \"segment\" = 'A")}");

        Assert.NotNull(results);
        Assert.Empty(Assert.Single(results).Series);
    }

    private async Task<InfluxHttpClient> SeededClientAsync()
    {
        var client = InfluxClients.Create(fixture.Url, await fixture.CreateDatabaseAsync("query"));
        await client.WriteAsync(
        [
            new InfluxPoint("requests", At).Tag("segment", "A").Field("v", 1L),
            new InfluxPoint("requests", At.AddSeconds(1)).Tag("segment", "B").Field("v", 2L),
        ]);
        return client;
    }

    /// <summary>A refused query is an acceptable answer to a hostile value; any data is not.</summary>
    private static async Task<IReadOnlyList<InfluxStatementResult>?> QueryOrBadRequestAsync(InfluxHttpClient client, string query)
    {
        try
        {
            return await client.QueryAsync(query);
        }
        catch (InfluxBadRequestException)
        {
            return null;
        }
    }
}
