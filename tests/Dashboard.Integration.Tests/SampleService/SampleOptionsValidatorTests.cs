using Dashboard.SampleService;
using Microsoft.Extensions.Options;

namespace Dashboard.Integration.Tests.SampleService;

public sealed class SampleOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeed() =>
        Assert.True(new SampleOptionsValidator().Validate(null, new SampleOptions()).Succeeded);

    public static TheoryData<string, string, string> BadValues => new()
    {
        { "Cohort", "candidate", "Sample:Cohort must be baseline or canary" },
        { "Version", " ", "Sample:Version must not be empty" },
        { "Service", "", "Sample:Service must not be empty" },
        { "ErrorRatePct", "101", "Sample:ErrorRatePct must be between 0 and 100" },
        { "ErrorRatePct", "-1", "Sample:ErrorRatePct must be between 0 and 100" },
        { "LatencyMedianMs", "-5", "Sample:LatencyMedianMs must be between 0" },
        { "LatencyMedianMs", "60000", "Sample:LatencyMedianMs must be between 0" },
        { "LatencySpread", "4", "Sample:LatencySpread must be between 0 and 3" },
        { "Segments", " , ", "Sample:Segments must name at least one value" },
        { "Regions", "eu,eu", "Sample:Regions must not name a value twice" },
        { "ReportInterval", "00:00:00", "Sample:ReportInterval must be between" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void Validate_BadValue_FailsNamingTheKey(string key, string value, string expected)
    {
        var options = new SampleOptions();
        var property = typeof(SampleOptions).GetProperty(key)!;
        property.SetValue(options, property.PropertyType == typeof(string)
            ? value
            : property.PropertyType == typeof(TimeSpan)
                ? TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture)
                : double.Parse(value, System.Globalization.CultureInfo.InvariantCulture));

        var result = new SampleOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith(expected, failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_InvalidCohort_FailsWithTheKeyInTheMessage()
    {
        await using var app = SampleServiceHost.Build(new Uri("http://127.0.0.1:9"), "unused", new Dictionary<string, string?> { ["Cohort"] = "green" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("Sample:Cohort must be baseline or canary", error.Message, StringComparison.Ordinal);
    }
}
