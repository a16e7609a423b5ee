using Dashboard.Web.Features.Metrics;

namespace Dashboard.Integration.Tests.Metrics;

public sealed class SnapshotWindowTests
{
    [Theory]
    [InlineData("10s", 10)]
    [InlineData("30s", 30)]
    [InlineData("5m", 300)]
    [InlineData("1h", 3600)]
    [InlineData("36h", 129_600)]
    [InlineData("2160m", 129_600)]
    public void TryParse_AllowedForms_GiveTheirDuration(string text, int seconds)
    {
        Assert.True(SnapshotWindow.TryParse(text, out var window));
        Assert.Equal(TimeSpan.FromSeconds(seconds), window);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void TryParse_Missing_IsFiveMinutes(string? text)
    {
        Assert.True(SnapshotWindow.TryParse(text, out var window));
        Assert.Equal(TimeSpan.FromMinutes(5), window);
    }

    [Theory]
    [InlineData("9s")]
    [InlineData("0m")]
    [InlineData("2161m")]
    [InlineData("37h")]
    [InlineData("1d")]
    [InlineData("5M")]
    [InlineData(" 5m")]
    [InlineData("+5m")]
    [InlineData("1.5h")]
    [InlineData("m")]
    [InlineData("99999999999999999999h")]
    public void TryParse_OtherForms_AreRejected(string text) =>
        Assert.False(SnapshotWindow.TryParse(text, out _));
}
