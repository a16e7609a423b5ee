using Dashboard.Infrastructure.Influx;

namespace Dashboard.Integration.Tests.Influx;

public sealed class QueryResponseParserTests
{
    [Fact]
    public void Parse_CellsAreTypedByTheirJsonTokens()
    {
        const string json = """
            {"results":[{"statement_id":0,"series":[{"name":"m","tags":{"cohort":"canary"},
            "columns":["time","i","f","big","s","b","n"],
            "values":[[1000,7,2.5,1e+308,"x\ny",true,null],[2000,-9223372036854775808,1E-5,18446744073709551615,"",false,null]]}]}]}
            """;

        var series = Assert.Single(Assert.Single(QueryResponseParser.Parse(json)).Series);

        Assert.Equal("m", series.Name);
        Assert.Equal("canary", series.Tags["cohort"]);
        Assert.Equal(["time", "i", "f", "big", "s", "b", "n"], series.Columns);
        AssertCells([1000L, 7L, 2.5, 1e308, "x\ny", true, null], series.Values[0]);
        AssertCells([2000L, long.MinValue, 1e-5, 18446744073709551615d, "", false, null], series.Values[1]);
    }

    [Fact]
    public void Parse_SeveralStatements_KeepTheirOwnErrors()
    {
        const string json = """
            {"results":[{"statement_id":0},{"statement_id":1,"error":"database not found: x"},
            {"statement_id":2,"series":[{"name":"databases","columns":["name"],"values":[["a"]]}]}]}
            """;

        var results = QueryResponseParser.Parse(json);

        Assert.Equal([0, 1, 2], results.Select(r => r.StatementId));
        Assert.Empty(results[0].Series);
        Assert.Null(results[0].Error);
        Assert.Equal("database not found: x", results[1].Error);
        Assert.Equal("a", results[2].Series[0].Values[0][0]);
        Assert.Empty(results[2].Series[0].Tags);
    }

    [Fact]
    public void Parse_BodyWithOnlyAnError_ThrowsWithTheServerMessage()
    {
        var error = Assert.Throws<InfluxException>(() => QueryResponseParser.Parse("""{"error":"boom"}"""));
        Assert.Equal("boom", error.ServerMessage);
    }

    [Fact]
    public void Series_GetDouble_ReadsIntegralFloatsWrittenWithoutDecimalPoint()
    {
        var series = Assert.Single(Assert.Single(QueryResponseParser.Parse("""
            {"results":[{"statement_id":0,"series":[{"name":"m","columns":["time","mean"],"values":[[60000,3],[120000,null]]}]}]}
            """)).Series);

        Assert.Equal(3.0, series.GetDouble(0, "mean"));
        Assert.Null(series.GetDouble(1, "mean"));
        Assert.Null(series.GetDouble(0, "missing"));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(60_000), series.GetTime(0));
    }

    [Theory]
    [InlineData("""{"error":"partial write: x dropped=2"}""", "partial write: x dropped=2")]
    [InlineData("not json", null)]
    [InlineData("[1]", null)]
    public void TryReadError_ReadsTheErrorMemberOnly(string body, string? expected) =>
        Assert.Equal(expected, QueryResponseParser.TryReadError(body));

    private static void AssertCells(object?[] expected, IReadOnlyList<object?> actual)
    {
        Assert.Equal(expected.Length, actual.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i]?.GetType(), actual[i]?.GetType());
            Assert.Equal(expected[i], actual[i]);
        }
    }
}
