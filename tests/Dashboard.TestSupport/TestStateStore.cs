using Dashboard.Infrastructure.Persistence;
using Dashboard.Infrastructure.Persistence.Audit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.TestSupport;

/// <summary>
/// A real SQLite state store file in its own temp folder, wired exactly as the app wires it
/// (<see cref="StateStoreServiceCollectionExtensions.AddStateStore"/>). Deleted on dispose.
/// </summary>
public sealed class TestStateStore : IAsyncDisposable
{
    private readonly string _folder;
    private readonly List<ServiceProvider> _providers = [];

    private TestStateStore(string folder, TimeProvider clock)
    {
        _folder = folder;
        Clock = clock;
        DatabasePath = Path.Combine(folder, "data", "state.db");
        Services = BuildProvider();
    }

    public string DatabasePath { get; }

    public string ConnectionString => $"Data Source={DatabasePath}";

    public TimeProvider Clock { get; }

    /// <summary>The current "process"; <see cref="RestartAsync"/> replaces it.</summary>
    public ServiceProvider Services { get; private set; }

    public static async Task<TestStateStore> CreateAsync(TimeProvider? clock = null, bool migrate = true)
    {
        var folder = Path.Combine(Path.GetTempPath(), "warroom-state-" + Guid.NewGuid().ToString("N"));
        var store = new TestStateStore(folder, clock ?? new FakeTimeProvider(StoredRollouts.T0));
        if (migrate)
        {
            // As the app starts: the schema, then the first signed checkpoint of the audit chain's head.
            await store.Get<StateStoreMigrator>().MigrateAsync();
            await store.Get<AuditCheckpointWriter>().WriteAsync();
        }

        return store;
    }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>A second, independent set of services on the same file, as another process would have.</summary>
    public ServiceProvider BuildProvider()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["StateStore:ConnectionString"] = ConnectionString })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton(Clock);
        services.AddLogging();
        services.AddStateStore(configuration);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        _providers.Add(provider);
        return provider;
    }

    /// <summary>Drops every service and pooled connection and starts over on the same file.</summary>
    public async Task RestartAsync()
    {
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Services = BuildProvider();
    }

    public async Task<WarRoomDbContext> OpenContextAsync() =>
        await Get<IDbContextFactory<WarRoomDbContext>>().CreateDbContextAsync();

    /// <summary>Runs SQL on a plain connection, outside EF and the app, as someone with file access could.</summary>
    public async Task<int> ExecuteRawAsync(string sql)
    {
        await using var connection = new SqliteConnection(ConnectionString + ";Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync();
    }

    public async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection(ConnectionString + ";Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
