using Dashboard.TestSupport;

namespace Dashboard.Integration.Tests.TestSupport;

/// <summary>
/// One real PostgreSQL server shared by the tests of the <see cref="PostgresCollection"/>. Each test gets a
/// database of its own (<see cref="TestStateStore.CreateAsync"/> copies a migrated template).
/// </summary>
public sealed class PostgresServerFixture : IAsyncLifetime
{
    private PostgresServer? _server;

    public PostgresServer Server => _server ?? throw new InvalidOperationException("PostgreSQL has not started.");

    public async Task InitializeAsync() => _server = await PostgresServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServerFixture>
{
    public const string Name = "postgres";
}
