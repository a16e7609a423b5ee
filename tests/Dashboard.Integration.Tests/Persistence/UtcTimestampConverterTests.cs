using Dashboard.Infrastructure.Persistence;

namespace Dashboard.Integration.Tests.Persistence;

public sealed class UtcTimestampConverterTests
{
    [Fact]
    public void Format_AnyOffset_WritesFixedWidthUtcWithTicks()
    {
        var at = new DateTimeOffset(2026, 11, 23, 18, 5, 9, TimeSpan.FromHours(2)).AddTicks(1234567);

        var text = UtcTimestampConverter.Format(at);

        Assert.Equal("2026-11-23T16:05:09.1234567Z", text);
        Assert.Equal(at, UtcTimestampConverter.Parse(text));
        Assert.Equal(TimeSpan.Zero, UtcTimestampConverter.Parse(text).Offset);
    }

    [Fact]
    public void Format_TextOrder_IsTimeOrder()
    {
        var earlier = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(3));
        var later = new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

        Assert.True(string.CompareOrdinal(UtcTimestampConverter.Format(earlier), UtcTimestampConverter.Format(later)) < 0);
    }
}
