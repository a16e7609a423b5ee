using Dashboard.Web.Features.Monitoring;

namespace Dashboard.Integration.Tests.Monitoring;

public sealed class MonitoringOptionsValidatorTests
{
    private static readonly MonitoringOptionsValidator Validator = new();

    [Fact]
    public void Validate_Defaults_Succeed()
    {
        Assert.True(Validator.Validate(null, new MonitoringOptions()).Succeeded);
    }

    [Fact]
    public void Validate_WindowShorterThanInterval_FailsNamingTheKey()
    {
        var result = Validator.Validate(null, new MonitoringOptions { IntensiveInterval = TimeSpan.FromMinutes(2), IntensiveWindow = TimeSpan.FromMinutes(1) });

        Assert.Contains("Monitoring:IntensiveWindow must be at least Monitoring:IntensiveInterval", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_FractionalInterval_Fails()
    {
        var result = Validator.Validate(null, new MonitoringOptions { IntensiveInterval = TimeSpan.FromMilliseconds(2500) });

        Assert.Contains("Monitoring:IntensiveInterval must be whole seconds", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ZeroMaxDataAge_FailsNamingTheKey()
    {
        Assert.Contains("Monitoring:MaxDataAge", Validator.Validate(null, new MonitoringOptions { MaxDataAge = TimeSpan.Zero }).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RetentionUnderAnHour_FailsNamingTheKey()
    {
        var result = Validator.Validate(null, new MonitoringOptions { RetainIntensiveFor = TimeSpan.FromMinutes(10) });

        Assert.Contains("Monitoring:RetainIntensiveFor", result.FailureMessage, StringComparison.Ordinal);
    }
}
