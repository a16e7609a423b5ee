using Dashboard.Infrastructure.Influx;

namespace Dashboard.Integration.Tests.Influx;

public sealed class LineProtocolTests
{
    private static readonly DateTimeOffset At = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123);

    [Fact]
    public void Format_TypicalPoint_WritesSortedTagsTypedFieldsAndMilliseconds()
    {
        var point = new InfluxPoint("requests", At)
            .Tag("cohort", "canary").Tag("b", "x")
            .Field("count", 12L).Field("cpu", 3.5).Field("ok", true).Field("note", "hi");

        Assert.Equal("requests,b=x,cohort=canary count=12i,cpu=3.5,note=\"hi\",ok=true 1700000000123\n", LineProtocol.Format([point]));
    }

    [Theory]
    [InlineData(1.0, "1")]
    [InlineData(-0.5, "-0.5")]
    [InlineData(1e308, "1E+308")]
    [InlineData(0.1, "0.1")]
    [InlineData(123456789.123456789, "123456789.12345679")]
    public void Format_DoubleField_WritesBareFloatThatRoundTrips(double value, string expected)
    {
        var line = LineProtocol.Format([new InfluxPoint("m", At).Field("f", value)]);

        Assert.Equal($"m f={expected} 1700000000123\n", line);
    }

    [Fact]
    public void Format_IntegerField_HasISuffix() =>
        Assert.Equal("m i=-9223372036854775808i 1700000000123\n", LineProtocol.Format([new InfluxPoint("m", At).Field("i", long.MinValue)]));

    [Theory]
    [InlineData("a b", @"a\ b")]
    [InlineData("a,b", @"a\,b")]
    [InlineData("a=b", "a=b")]
    [InlineData("a\"b", "a\"b")]
    [InlineData(@"a\b", @"a\b")]
    public void Format_Measurement_EscapesCommaAndSpaceOnly(string measurement, string expected) =>
        Assert.StartsWith($"{expected} v=1 ", LineProtocol.Format([new InfluxPoint(measurement, At).Field("v", 1.0)]));

    [Theory]
    [InlineData("a b", @"a\ b")]
    [InlineData("a,b", @"a\,b")]
    [InlineData("a=b", @"a\=b")]
    [InlineData(@"a\ b", @"a\\ b")]
    [InlineData("a\"b", "a\"b")]
    public void Format_TagKeyAndValue_EscapeCommaEqualsAndSpace(string text, string expected) =>
        Assert.Equal($"m,{expected}={expected} v=1i 1700000000123\n", LineProtocol.Format([new InfluxPoint("m", At).Tag(text, text).Field("v", 1L)]));

    [Theory]
    [InlineData("a b", @"a\ b")]
    [InlineData("a,b", @"a\,b")]
    [InlineData("a=b", @"a\=b")]
    public void Format_FieldKey_EscapesCommaEqualsAndSpace(string key, string expected) =>
        Assert.Equal($"m {expected}=1i 1700000000123\n", LineProtocol.Format([new InfluxPoint("m", At).Field(key, 1L)]));

    [Theory]
    [InlineData("say \"hi\"", "say \\\"hi\\\"")]
    [InlineData(@"C:\dir\", @"C:\\dir\\")]
    [InlineData("two\nlines", "two\nlines")]
    [InlineData("", "")]
    public void Format_StringField_EscapesQuoteAndBackslash(string value, string expected) =>
        Assert.Equal($"m s=\"{expected}\" 1700000000123\n", LineProtocol.Format([new InfluxPoint("m", At).Field("s", value)]));

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Field_NonFiniteDouble_IsRejectedNamingTheKey(double value)
    {
        var error = Assert.Throws<ArgumentException>(() => new InfluxPoint("m", At).Field("cpu_pct", value));
        Assert.Contains("cpu_pct", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "must not be empty")]
    [InlineData("a\nb", "newline")]
    [InlineData("#comment", "must not start with '#'")]
    [InlineData(@"trailing\", "ends with a backslash")]
    [InlineData(@"a\ b", "backslash before ' '")]
    [InlineData(@"a\,b", "backslash before ','")]
    [InlineData(@"a\=b", "backslash before '='")]
    [InlineData("a\\\"b", "backslash before '\"'")]
    public void Measurement_ThatLineProtocolCannotCarry_IsRejected(string measurement, string reason)
    {
        var error = Assert.Throws<ArgumentException>(() => new InfluxPoint(measurement, At));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "v", "Tag key must not be empty")]
    [InlineData("k\nx", "v", "Tag key 'k\\nx' contains a newline")]
    [InlineData(@"k\", "v", @"Tag key 'k\' ends with a backslash")]
    [InlineData("time", "v", "'time' is reserved")]
    [InlineData("segment", "", "Tag 'segment' has an empty value")]
    [InlineData("segment", "a\nb", "Value of tag 'segment' contains a newline")]
    [InlineData("segment", @"a\", "Value of tag 'segment' ends with a backslash")]
    public void Tag_ThatLineProtocolCannotCarry_IsRejectedNamingTheKey(string key, string value, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => new InfluxPoint("m", At).Tag(key, value));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "Field key must not be empty")]
    [InlineData("f\ng", "Field key 'f\\ng' contains a newline")]
    [InlineData(@"f\", @"Field key 'f\' ends with a backslash")]
    [InlineData(@"f\ g", @"Field key 'f\ g' has a backslash before ' '")]
    [InlineData("time", "'time' is reserved")]
    public void FieldKey_ThatLineProtocolCannotCarry_IsRejectedNamingTheKey(string key, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => new InfluxPoint("m", At).Field(key, 1L));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_PointWithoutFields_IsRejectedNamingTheMeasurement()
    {
        var error = Assert.Throws<ArgumentException>(() => LineProtocol.Format([new InfluxPoint("requests", At).Tag("cohort", "canary")]));
        Assert.Contains("'requests' has no fields", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_SubMillisecondTimestamp_IsTruncatedToMilliseconds()
    {
        var at = At.AddTicks(9_999);

        Assert.EndsWith(" 1700000000123\n", LineProtocol.Format([new InfluxPoint("m", at).Field("v", 1L)]));
    }
}
