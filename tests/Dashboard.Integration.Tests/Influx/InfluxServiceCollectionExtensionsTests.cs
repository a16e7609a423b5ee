using Dashboard.Infrastructure.Influx;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Dashboard.Integration.Tests.Influx;

public sealed class InfluxServiceCollectionExtensionsTests
{
    [Fact]
    public void AddInflux_ValidConfiguration_ResolvesClientBufferAndFlusher()
    {
        using var host = Build(new() { ["Influx:Url"] = "http://127.0.0.1:1", ["Influx:Database"] = "metrics", ["Influx:WriteBufferCapacity"] = "10", ["Influx:WriteBatchSize"] = "5" });

        Assert.IsType<InfluxHttpClient>(host.Services.GetRequiredService<IInfluxClient>());
        Assert.Equal(10, host.Services.GetRequiredService<InfluxWriteBuffer>().Capacity);
        Assert.Same(host.Services.GetRequiredService<InfluxWriteBuffer>(), host.Services.GetRequiredService<InfluxWriteBuffer>());
        Assert.Contains(host.Services.GetServices<IHostedService>(), s => s is InfluxWriteBufferFlusher);
        Assert.Equal("metrics", host.Services.GetRequiredService<IOptions<InfluxOptions>>().Value.Database);
    }

    [Fact]
    public async Task AddInflux_InvalidConfiguration_FailsAtStartNamingTheKeys()
    {
        using var host = Build(new() { ["Influx:Url"] = "not a url", ["Influx:Database"] = "", ["Influx:Timeout"] = "00:00:00" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Influx:Url must be an absolute http(s) URL", error.Message, StringComparison.Ordinal);
        Assert.Contains("Influx:Database must not be empty", error.Message, StringComparison.Ordinal);
        Assert.Contains("Influx:Timeout", error.Message, StringComparison.Ordinal);
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        builder.Services.AddInflux(builder.Configuration);
        return builder.Build();
    }
}
