using Dashboard.Infrastructure.Influx;
using Dashboard.Infrastructure.Metrics;
using Dashboard.Integration.Tests.Metrics;
using Dashboard.Web.Features.Bus;
using Dashboard.Web.Features.Leadership;
using Dashboard.Web.Features.LiveMetrics;
using Dashboard.Web.Shared.Live;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Integration.Tests.HighAvailability;

/// <summary>
/// One instance's bus and live metrics poller, wired as the app wires them (<c>AddBus</c>, <c>AddLiveMetrics</c>) on a
/// real Redis and a real influxd, in this process on the real clock. A fixed lease stands for the
/// automation lease (its own helper's work): the lease holder polls, the other follows over the bus.
/// </summary>
internal sealed class BusNode : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly List<Microsoft.Extensions.Hosting.IHostedService> _started = [];

    private BusNode(ServiceProvider services) => _services = services;

    public RedisInstanceBus Bus => _services.GetRequiredService<RedisInstanceBus>();

    public LiveMetricsPoller Poller => _services.GetRequiredService<LiveMetricsPoller>();

    public StalenessRule Staleness => _services.GetRequiredService<StalenessRule>();

    public IInfluxClient Influx => _services.GetRequiredService<IInfluxClient>();

    public static async Task<BusNode> StartAsync(string redis, Uri influxUrl, string database, bool holdsLease, bool poll = false)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(MetricsReaderHost.Settings(influxUrl, database, new Dictionary<string, string?>
            {
                ["Bus:Redis"] = redis,
                ["LiveMetrics:PollInterval"] = "00:00:01",
                ["LiveMetrics:StaleGrace"] = "00:00:01",
                ["Metrics:PointInterval"] = "00:00:01",
            }))
            .Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IAutomationLease>(new FixedLease(holdsLease));
        services.AddBus(configuration).AddInflux(configuration).AddMetricsReader(configuration).AddLiveMetrics(configuration);
        var node = new BusNode(services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true }));
        // As the app's host does: every hosted service is built (and subscribes to the bus) before the bus connects, so
        // the news the others send again when this one joins (retained messages) finds its subscribers.
        var poller = poll ? node.Poller : null;
        await node.StartAsync(node.Bus);
        if (poller is not null)
        {
            await node.StartAsync(poller);
        }

        return node;
    }

    public IInstanceBus InstanceBus => _services.GetRequiredService<IInstanceBus>();

    /// <summary>Stops the instance (a test may stop one early to see what the other does); a second call does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var service in Enumerable.Reverse(_started))
        {
            await service.StopAsync(CancellationToken.None);
        }

        _started.Clear();
        await _services.DisposeAsync();
    }

    private async Task StartAsync(Microsoft.Extensions.Hosting.IHostedService service)
    {
        await service.StartAsync(CancellationToken.None);
        _started.Add(service);
    }

    private sealed class FixedLease(bool held) : IAutomationLease
    {
        public bool IsHeld => held;

        public CancellationToken HoldToken => held ? CancellationToken.None : new CancellationToken(canceled: true);

        public Task WaitUntilHeldAsync(CancellationToken cancellationToken) =>
            held ? Task.CompletedTask : Task.Delay(Timeout.Infinite, cancellationToken);
    }
}
