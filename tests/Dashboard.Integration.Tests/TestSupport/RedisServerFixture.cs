using Dashboard.TestSupport;

namespace Dashboard.Integration.Tests.TestSupport;

/// <summary>One real redis-server shared by the tests of the <see cref="InfluxPostgresRedisCollection"/>.</summary>
public sealed class RedisServerFixture : IAsyncLifetime
{
    private RedisServer? _server;

    public RedisServer Server => _server ?? throw new InvalidOperationException("redis-server has not started.");

    public async Task InitializeAsync() => _server = await RedisServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
