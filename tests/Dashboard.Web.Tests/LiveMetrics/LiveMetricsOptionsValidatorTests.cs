using Dashboard.Web.Features.LiveMetrics;

namespace Dashboard.Web.Tests.LiveMetrics;

public sealed class LiveMetricsOptionsValidatorTests
{
    private static readonly LiveMetricsOptionsValidator Validator = new();

    [Fact]
    public void Validate_Defaults_Succeed() =>
        Assert.True(Validator.Validate(null, new LiveMetricsOptions()).Succeeded);

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("01:00:01")]
    public void Validate_StaleGraceOutOfRange_FailsNamingTheKey(string grace)
    {
        var result = Validator.Validate(null, new LiveMetricsOptions { StaleGrace = TimeSpan.Parse(grace, System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Contains("LiveMetrics:StaleGrace must be between 00:00:01 and 01:00:00", result.FailureMessage, StringComparison.Ordinal);
    }
}
