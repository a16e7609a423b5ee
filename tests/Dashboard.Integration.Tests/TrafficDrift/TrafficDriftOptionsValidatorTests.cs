using Dashboard.Web.Features.TrafficDrift;

namespace Dashboard.Integration.Tests.TrafficDrift;

public sealed class TrafficDriftOptionsValidatorTests
{
    [Fact]
    public void Validate_Default_IsOneMinuteAndSucceeds()
    {
        var options = new TrafficDriftOptions();

        Assert.Equal(TimeSpan.FromMinutes(1), options.DriftCheckInterval);
        Assert.Equal(TimeSpan.FromSeconds(30), options.UnsettledChangeGrace);
        Assert.True(new TrafficDriftOptionsValidator().Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("-00:00:10")]
    [InlineData("2.00:00:00")]
    public void Validate_IntervalNotPositiveOrOverADay_NamesTheKey(string interval)
    {
        var result = new TrafficDriftOptionsValidator().Validate(null, new TrafficDriftOptions { DriftCheckInterval = TimeSpan.Parse(interval, System.Globalization.CultureInfo.InvariantCulture) });

        Assert.StartsWith("Routing:DriftCheckInterval must be a positive time span", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("-00:00:10")]
    [InlineData("2.00:00:00")]
    public void Validate_UnsettledChangeGraceNotPositiveOrOverADay_NamesTheKey(string grace)
    {
        var result = new TrafficDriftOptionsValidator().Validate(null, new TrafficDriftOptions { UnsettledChangeGrace = TimeSpan.Parse(grace, System.Globalization.CultureInfo.InvariantCulture) });

        Assert.StartsWith("Routing:UnsettledChangeGrace must be a positive time span", result.FailureMessage, StringComparison.Ordinal);
    }
}
