using Dashboard.TestSupport;

namespace Dashboard.Integration.Tests.TestSupport;

/// <summary>
/// One real influxd shared by the tests of the <see cref="InfluxCollection"/>. Tests isolate
/// themselves by creating their own database with <see cref="CreateDatabaseAsync"/>.
/// </summary>
public sealed class InfluxServerFixture : IAsyncLifetime
{
    private InfluxServer? _server;

    public InfluxServer Server => _server ?? throw new InvalidOperationException("influxd has not started.");

    public Uri Url => Server.Url;

    public async Task InitializeAsync() => _server = await InfluxServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>Creates a fresh database with a unique name for one test.</summary>
    public Task<string> CreateDatabaseAsync(string prefix = "test") =>
        Server.CreateDatabaseAsync($"{prefix}_{Guid.NewGuid():N}");
}

[CollectionDefinition(Name)]
public sealed class InfluxCollection : ICollectionFixture<InfluxServerFixture>
{
    public const string Name = "influxd";
}
