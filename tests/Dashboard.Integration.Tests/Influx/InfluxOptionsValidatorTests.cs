using Dashboard.Infrastructure.Influx;

namespace Dashboard.Integration.Tests.Influx;

public sealed class InfluxOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeed() =>
        Assert.True(new InfluxOptionsValidator().Validate(null, new InfluxOptions()).Succeeded);

    [Theory]
    [InlineData("ftp://host/", "Influx:Url must be an absolute http(s) URL")]
    [InlineData("relative/path", "Influx:Url must be an absolute http(s) URL")]
    public void Validate_BadUrl_NamesTheKey(string url, string message)
    {
        var options = new InfluxOptions { Url = new Uri(url, UriKind.RelativeOrAbsolute) };

        Assert.Contains(message, new InfluxOptionsValidator().Validate(null, options).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EveryBadValue_NamesItsKey()
    {
        var options = new InfluxOptions
        {
            Database = " ",
            Timeout = TimeSpan.Zero,
            MaxRetries = -1,
            WriteBatchSize = 0,
            WriteBufferCapacity = 0,
            FlushInterval = TimeSpan.FromSeconds(-1),
            Password = "secret",
        };

        var failure = new InfluxOptionsValidator().Validate(null, options).FailureMessage;

        foreach (var key in new[] { "Influx:Database must not be empty", "Influx:Timeout", "Influx:MaxRetries", "Influx:WriteBatchSize", "Influx:WriteBufferCapacity", "Influx:FlushInterval", "Influx:Username is empty" })
        {
            Assert.Contains(key, failure, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("secret", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BatchLargerThanBuffer_Fails() =>
        Assert.Contains(
            "Influx:WriteBatchSize must not exceed Influx:WriteBufferCapacity",
            new InfluxOptionsValidator().Validate(null, new InfluxOptions { WriteBatchSize = 10, WriteBufferCapacity = 5 }).FailureMessage,
            StringComparison.Ordinal);
}
