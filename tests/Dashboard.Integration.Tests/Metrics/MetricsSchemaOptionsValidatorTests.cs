using Dashboard.Infrastructure.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dashboard.Integration.Tests.Metrics;

public sealed class MetricsSchemaOptionsValidatorTests
{
    private static ValidateOptionsResult Validate(MetricsSchemaOptions options) =>
        new MetricsSchemaOptionsValidator().Validate(null, options);

    [Fact]
    public void Validate_Defaults_Succeed() =>
        Assert.True(Validate(new MetricsSchemaOptions()).Succeeded);

    [Fact]
    public void Validate_EmptyNames_FailNamingTheKeys()
    {
        var options = new MetricsSchemaOptions();
        options.Measurements.Probes = "";
        options.Fields.Errors = " ";
        options.Tags.Region = "";

        var result = Validate(options);

        Assert.True(result.Failed);
        Assert.Contains("Metrics:Measurements:Probes must name an InfluxDB measurement", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Metrics:Fields:Errors must name an InfluxDB field", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Metrics:Tags:Region must name an InfluxDB tag key", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CarriageReturnInANameOrTheService_Fails()
    {
        var options = new MetricsSchemaOptions { Service = "analyzer\r" };
        options.Fields.Revenue = "revenue\r";

        var result = Validate(options);

        Assert.Contains("Metrics:Service must not contain a carriage return", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Metrics:Fields:Revenue must not contain a carriage return", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SameTagForCohortAndSegment_Fails()
    {
        var options = new MetricsSchemaOptions();
        options.Tags.Segment = "cohort";

        Assert.Contains("Metrics:Tags:Cohort, Metrics:Tags:Segment and Metrics:Tags:Region", Validate(options).FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("00:00:01.500")]
    [InlineData("02:00:00")]
    public void Validate_GaugeBucketOutOfRange_Fails(string bucket)
    {
        var options = new MetricsSchemaOptions { GaugeBucket = TimeSpan.Parse(bucket, System.Globalization.CultureInfo.InvariantCulture) };

        Assert.Contains("Metrics:GaugeBucket", Validate(options).FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("-00:00:01")]
    [InlineData("00:00:05.001")]
    public void Validate_TornReadBackoffOutOfRange_Fails(string backoff)
    {
        var options = new MetricsSchemaOptions { TornReadBackoff = TimeSpan.Parse(backoff, System.Globalization.CultureInfo.InvariantCulture) };

        Assert.Contains("Metrics:TornReadBackoff must be between 00:00:00.001 and 00:00:05", Validate(options).FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 60, "Metrics:ChartMinimumRequests must be a whole number from 1 to 100000")]
    [InlineData(200, 100_001, "Metrics:ChartMinimumProbes must be a whole number from 1 to 100000")]
    public void Validate_ChartMinimumOutOfRange_Fails(int requests, int probes, string failure)
    {
        var options = new MetricsSchemaOptions { ChartMinimumRequests = requests, ChartMinimumProbes = probes };

        Assert.Contains(failure, Validate(options).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void AddMetricsReader_BindsTheMetricsSection()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Metrics:Service"] = "analyzer",
            ["Metrics:GaugeBucket"] = "00:01:00",
            ["Metrics:Measurements:Requests"] = "http_requests",
            ["Metrics:Tags:Segment"] = "tier",
            ["Metrics:Fields:CpuPct"] = "cpu",
            ["Metrics:TornReadBackoff"] = "00:00:00.5",
        }).Build();
        using var services = new ServiceCollection().AddMetricsReader(configuration).BuildServiceProvider();

        var options = services.GetRequiredService<IOptions<MetricsSchemaOptions>>().Value;

        Assert.Equal("analyzer", options.Service);
        Assert.Equal(TimeSpan.FromMinutes(1), options.GaugeBucket);
        Assert.Equal("http_requests", options.Measurements.Requests);
        Assert.Equal("probes", options.Measurements.Probes);
        Assert.Equal("tier", options.Tags.Segment);
        Assert.Equal("cpu", options.Fields.CpuPct);
        Assert.Equal(TimeSpan.FromMilliseconds(500), options.TornReadBackoff);
    }

    [Fact]
    public void AddMetricsReader_InvalidSection_FailsValidation()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Metrics:Service"] = "analyzer",
            ["Metrics:Measurements:Requests"] = "http_requests",
            ["Metrics:Measurements:Learners"] = "",
        }).Build();
        using var services = new ServiceCollection().AddMetricsReader(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<MetricsSchemaOptions>>().Value);

        Assert.Contains("Metrics:Measurements:Learners must name an InfluxDB measurement", error.Message, StringComparison.Ordinal);
    }
}
