using Dashboard.Core.Metrics;
using Dashboard.Infrastructure.Influx;
using Dashboard.Infrastructure.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Integration.Tests.Metrics;

/// <summary>
/// The reader and the client wired through their real DI extensions against one database, with
/// the clock stopped at <see cref="Now"/>.
/// </summary>
internal sealed class MetricsReaderHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _services;

    public MetricsReaderHost(Uri influxUrl, string database, IDictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(Settings(influxUrl, database, settings))
            .Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
        services.AddInflux(configuration).AddMetricsReader(configuration);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public IMetricsReader Reader => _services.GetRequiredService<IMetricsReader>();

    public IInfluxClient Influx => _services.GetRequiredService<IInfluxClient>();

    /// <summary>Configuration for the reader: the Influx section plus any Metrics overrides.</summary>
    public static Dictionary<string, string?> Settings(Uri influxUrl, string database, IDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Influx:Url"] = influxUrl.ToString(),
            ["Influx:Database"] = database,
            ["Influx:MaxRetries"] = "0",
            ["Influx:Timeout"] = "00:00:05",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
