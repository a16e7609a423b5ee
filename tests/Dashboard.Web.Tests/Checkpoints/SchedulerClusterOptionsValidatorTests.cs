using System.Globalization;
using Dashboard.Web.Features.Checkpoints;

namespace Dashboard.Web.Tests.Checkpoints;

public sealed class SchedulerClusterOptionsValidatorTests
{
    private static readonly SchedulerClusterOptionsValidator Validator = new();

    [Fact]
    public void Validate_Defaults_Succeed() =>
        Assert.True(Validator.Validate(null, new SchedulerClusterOptions()).Succeeded);

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("00:05:01")]
    public void Validate_CheckinIntervalOutOfRange_FailsNamingTheKey(string interval)
    {
        var result = Validator.Validate(null, new SchedulerClusterOptions { CheckinInterval = TimeSpan.Parse(interval, CultureInfo.InvariantCulture) });

        Assert.Contains("Scheduler:CheckinInterval must be within", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("00:00:04")]
    [InlineData("00:10:01")]
    public void Validate_CheckinMisfireThresholdBelowTheIntervalOrTooLong_FailsNamingTheKey(string threshold)
    {
        var result = Validator.Validate(null, new SchedulerClusterOptions
        {
            CheckinInterval = TimeSpan.FromSeconds(5),
            CheckinMisfireThreshold = TimeSpan.Parse(threshold, CultureInfo.InvariantCulture),
        });

        Assert.Contains("Scheduler:CheckinMisfireThreshold must be at least Scheduler:CheckinInterval", result.FailureMessage, StringComparison.Ordinal);
    }
}
