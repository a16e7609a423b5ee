using Dashboard.Web.Features.Demo;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Dashboard.Integration.Tests.Demo;

public sealed class DemoOptionsTests
{
    [Fact]
    public void AddDemo_NoConfiguration_UsesDefaultsAndRegistersNoSimulator()
    {
        using var services = Build([]);

        var options = services.GetRequiredService<IOptions<DemoOptions>>().Value;
        Assert.False(options.Enabled);
        Assert.Equal(TimeSpan.FromSeconds(5), options.Interval);
        Assert.Equal("ultra-fast-analyzer", options.Service);
        Assert.Equal("v2.9.4", options.BaselineVersion);
        Assert.Equal("v3.0.0-sprint-2-complete", options.CanaryVersion);
        Assert.Equal(["A", "B", "C"], options.EffectiveSegments);
        Assert.Equal(["us-east", "us-west", "eu"], options.EffectiveRegions);
        Assert.Equal(400, options.TotalRps);
        Assert.Equal(5000, options.ActiveLearners);
        Assert.Equal(1, options.CanaryWeightPercent);
        Assert.Equal(2, options.BackfillHours);
        Assert.Null(options.Seed);
        Assert.Equal(1, services.GetRequiredService<DemoTrafficSplit>().CanaryWeightPercent);
        // Registered, not resolved: the service also needs the state store and the rollouts' authorization.
        Assert.True(services.GetRequiredService<IServiceProviderIsService>().IsService(typeof(DemoFaultService)));
        Assert.Null(services.GetService<DemoTrafficSimulator>());
    }

    [Fact]
    public void AddDemo_SegmentsAndRegionsConfigured_ReplaceTheDefaults()
    {
        using var services = Build(new()
        {
            ["Demo:Segments:0"] = "gold",
            ["Demo:Segments:1"] = "silver",
            ["Demo:Regions:0"] = "ap-south",
            ["Demo:CanaryWeightPercent"] = "10",
        });

        var options = services.GetRequiredService<IOptions<DemoOptions>>().Value;
        Assert.Equal(["gold", "silver"], options.EffectiveSegments);
        Assert.Equal(["ap-south"], options.EffectiveRegions);
        Assert.Equal(10, services.GetRequiredService<DemoTrafficSplit>().CanaryWeightPercent);
    }

    [Theory]
    [InlineData("Demo:Interval", "00:00:00", "Demo:Interval must be positive")]
    [InlineData("Demo:Interval", "-00:00:05", "Demo:Interval must be positive")]
    [InlineData("Demo:Interval", "01:00:00", "Demo:Interval must be at most 00:05:00")]
    [InlineData("Demo:CanaryWeightPercent", "101", "Demo:CanaryWeightPercent must be within 0..100")]
    [InlineData("Demo:CanaryWeightPercent", "-1", "Demo:CanaryWeightPercent must be within 0..100")]
    [InlineData("Demo:TotalRps", "0", "Demo:TotalRps must be")]
    [InlineData("Demo:ActiveLearners", "-5", "Demo:ActiveLearners must be within")]
    [InlineData("Demo:BackfillHours", "37", "Demo:BackfillHours must be within 0..36")]
    [InlineData("Demo:Service", " ", "Demo:Service must not be empty")]
    [InlineData("Demo:CanaryVersion", "v2.9.4", "Demo:CanaryVersion must differ from Demo:BaselineVersion")]
    [InlineData("Demo:Segments:0", " ", "Demo:Segments must not contain empty names")]
    [InlineData("Demo:Regions:1", "eu", "Demo:Regions must not contain duplicates")]
    public void Validate_BadValue_FailsNamingTheKey(string key, string value, string message)
    {
        var settings = new Dictionary<string, string?> { [key] = value };
        if (key == "Demo:Regions:1")
        {
            settings["Demo:Regions:0"] = "eu";
        }

        using var services = Build(settings);

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<DemoOptions>>().Value);
        Assert.Contains(failure.Failures, f => f.StartsWith(message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task StartHost_InvalidDemoSection_FailsWithTheKeyInTheMessage()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Demo:Interval"] = "00:00:00" });
        builder.Services.AddDemo(builder.Configuration);
        using var host = builder.Build();

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("Demo:Interval must be positive", failure.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddDemo(configuration).BuildServiceProvider();
    }
}
