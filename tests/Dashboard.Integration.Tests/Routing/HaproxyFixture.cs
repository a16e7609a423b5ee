using Dashboard.Infrastructure.Routing;
using Dashboard.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Dashboard.Integration.Tests.Routing;

/// <summary>
/// One real haproxy in front of two <see cref="TinyHttpBackend"/>s (baseline and canary), shared by
/// the tests of the <see cref="HaproxyCollection"/>. The tests run one after another and each sets
/// the weights it needs before it measures anything.
/// </summary>
public sealed class HaproxyFixture : IAsyncLifetime
{
    private HaproxyServer? _haproxy;

    public TinyHttpBackend Baseline { get; private set; } = null!;

    public TinyHttpBackend Canary { get; private set; } = null!;

    public HaproxyServer Haproxy => _haproxy ?? throw new InvalidOperationException("haproxy has not started.");

    public async Task InitializeAsync()
    {
        // Backends first, so HAProxy's first requests find them listening.
        Baseline = TinyHttpBackend.Start(HaproxyServer.BaselineServer);
        Canary = TinyHttpBackend.Start(HaproxyServer.CanaryServer);
        _haproxy = await HaproxyServer.StartAsync(Baseline.Port, Canary.Port, baselineWeight: 100, canaryWeight: 0);
    }

    public async Task DisposeAsync()
    {
        if (_haproxy is not null)
        {
            await _haproxy.DisposeAsync();
        }

        await Baseline.DisposeAsync();
        await Canary.DisposeAsync();
    }

    public static HaproxyRuntimeRouter CreateRouter(string runtimeApi, Action<HaproxyRoutingOptions>? configure = null)
    {
        var options = new RoutingOptions
        {
            Kind = RoutingKind.Haproxy,
            Haproxy = new HaproxyRoutingOptions { RuntimeApi = runtimeApi, Timeout = TimeSpan.FromSeconds(15) },
        };
        configure?.Invoke(options.Haproxy);
        return new HaproxyRuntimeRouter(Options.Create(options), TimeProvider.System, NullLogger<HaproxyRuntimeRouter>.Instance);
    }

    /// <summary>
    /// Sends <paramref name="count"/> GETs through HAProxy's frontend, 16 at a time, and returns how
    /// many the canary answered, cross-checked with what the backends themselves counted.
    /// </summary>
    public async Task<int> CountCanaryAnswersAsync(int count)
    {
        Baseline.ResetCount();
        Canary.ResetCount();

        // Keep-alive is fine: in http mode HAProxy load-balances every request on its own (it only
        // sticks to the previous server with `option prefer-last-server`, which is off by default).
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 16 })
        {
            BaseAddress = Haproxy.FrontendUrl,
            Timeout = TimeSpan.FromSeconds(10),
        };
        var canary = 0;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, count),
            new ParallelOptions { MaxDegreeOfParallelism = 16 },
            async (_, cancellationToken) =>
            {
                var body = await http.GetStringAsync(new Uri("/", UriKind.Relative), cancellationToken);
                if (body == HaproxyServer.CanaryServer)
                {
                    Interlocked.Increment(ref canary);
                }
                else
                {
                    Assert.Equal(HaproxyServer.BaselineServer, body);
                }
            });

        Assert.Equal(count, Baseline.Requests + Canary.Requests);
        Assert.Equal(canary, Canary.Requests);
        return canary;
    }
}

[CollectionDefinition(Name)]
public sealed class HaproxyCollection : ICollectionFixture<HaproxyFixture>
{
    public const string Name = "haproxy";
}
