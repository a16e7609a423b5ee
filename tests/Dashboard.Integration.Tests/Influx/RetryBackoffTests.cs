using Dashboard.Infrastructure.Influx;

namespace Dashboard.Integration.Tests.Influx;

public sealed class RetryBackoffTests
{
    private static readonly TimeSpan Base = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(2);

    [Theory]
    [InlineData(0, 0.0, 50)]
    [InlineData(0, 1.0, 100)]
    [InlineData(1, 0.0, 100)]
    [InlineData(3, 1.0, 800)]
    [InlineData(10, 1.0, 2000)]
    [InlineData(10, 0.0, 1000)]
    public void Delay_WithoutRetryAfter_IsJitteredExponentialAndCapped(int retry, double random, double expectedMs) =>
        Assert.Equal(expectedMs, new RetryBackoff(Base, Max, () => random).Delay(retry, null).TotalMilliseconds, 3);

    [Fact]
    public void Delay_WithRetryAfter_UsesTheServersDelayCappedAtMax()
    {
        var backoff = new RetryBackoff(Base, Max, () => 0.5);

        Assert.Equal(TimeSpan.FromSeconds(1), backoff.Delay(5, TimeSpan.FromSeconds(1)));
        Assert.Equal(Max, backoff.Delay(0, TimeSpan.FromMinutes(5)));
        Assert.Equal(TimeSpan.Zero, backoff.Delay(0, TimeSpan.FromSeconds(-3)));
    }
}
