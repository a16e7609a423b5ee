using Dashboard.Infrastructure.Influx;

namespace Dashboard.Integration.Tests.Influx;

public sealed class InfluxQlTests
{
    [Theory]
    [InlineData("canary", "'canary'")]
    [InlineData("x' OR 1=1 --", @"'x\' OR 1=1 --'")]
    [InlineData(@"a\'b", @"'a\\\'b'")]
    [InlineData("a\"b", "'a\"b'")]
    [InlineData("two\nlines", @"'two\nlines'")]
    [InlineData("😀", "'😀'")]
    public void StringLiteral_EscapesBackslashQuoteAndNewline(string value, string expected) =>
        Assert.Equal(expected, InfluxQl.StringLiteral(value));

    [Theory]
    [InlineData("segment", "\"segment\"")]
    [InlineData("a\"b", "\"a\\\"b\"")]
    [InlineData(@"a\b", @"""a\\b""")]
    [InlineData("a'b", "\"a'b\"")]
    [InlineData("two\nlines", @"""two\nlines""")]
    public void Identifier_EscapesBackslashQuoteAndNewline(string name, string expected) =>
        Assert.Equal(expected, InfluxQl.Identifier(name));

    [Fact]
    public void StringLiteralAndIdentifier_CarriageReturn_AreRefused()
    {
        Assert.Throws<ArgumentException>(() => InfluxQl.StringLiteral("a\rb"));
        Assert.Throws<ArgumentException>(() => InfluxQl.Identifier("a\rb"));
    }
}
