using Dashboard.Infrastructure.Checkpoints;
using Dashboard.Infrastructure.Influx;
using Dashboard.Integration.Tests.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Integration.Tests.Checkpoints;

/// <summary>
/// The evaluator and the Influx client wired through their real DI extensions against one database,
/// reading service "analyzer" only, with the clock stopped at <see cref="CheckpointScenario.Now"/>.
/// </summary>
internal sealed class CheckpointHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public CheckpointHost(Uri influxUrl, string database)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(MetricsReaderHost.Settings(influxUrl, database, new Dictionary<string, string?> { ["Metrics:Service"] = "analyzer" }))
            .Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(CheckpointScenario.Now));
        services.AddInflux(configuration).AddCheckpointEvaluator(configuration);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public CheckpointEvaluator Evaluator => _services.GetRequiredService<CheckpointEvaluator>();

    public IInfluxClient Influx => _services.GetRequiredService<IInfluxClient>();

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
