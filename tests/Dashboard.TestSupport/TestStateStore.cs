using System.Data.Common;
using System.Security.Cryptography;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Infrastructure.Persistence.Audit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Dashboard.TestSupport;

/// <summary>
/// A real state store wired exactly as the app wires it (<see cref="StateStoreServiceCollectionExtensions.AddStateStore"/>):
/// a SQLite file in its own temp folder, or a fresh database of its own on a <see cref="PostgresServer"/>. Deleted
/// (dropped) on dispose.
/// </summary>
public sealed class TestStateStore : IAsyncDisposable
{
    /// <summary>The migrated database each PostgreSQL store starts as a copy of.</summary>
    private const string PostgreSqlTemplate = "warroom_migrated";

    private readonly string _folder;
    private readonly string? _databasePath;
    private readonly PostgresServer? _postgres;
    private readonly List<ServiceProvider> _providers = [];

    private TestStateStore(StateStoreProvider provider, string connectionString, TimeProvider clock, string folder, PostgresServer? postgres)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Clock = clock;
        _folder = folder;
        _postgres = postgres;
        if (provider == StateStoreProvider.Sqlite)
        {
            _databasePath = Path.Combine(folder, "data", "state.db");
        }

        Services = BuildProvider();
    }

    public StateStoreProvider Provider { get; }

    /// <summary>The SQLite file; a PostgreSQL store has none.</summary>
    public string DatabasePath => _databasePath ?? throw new InvalidOperationException("A PostgreSQL state store has no file.");

    public string ConnectionString { get; }

    public TimeProvider Clock { get; }

    /// <summary>The current "process"; <see cref="RestartAsync"/> replaces it.</summary>
    public ServiceProvider Services { get; private set; }

    /// <param name="clock">The services' clock; a fake one at <see cref="StoredRollouts.T0"/> unless given.</param>
    /// <param name="migrate">False for an empty database (a missing file on SQLite).</param>
    /// <param name="postgres">A server to make the store's database on; null for SQLite.</param>
    public static async Task<TestStateStore> CreateAsync(TimeProvider? clock = null, bool migrate = true, PostgresServer? postgres = null)
    {
        clock ??= new FakeTimeProvider(StoredRollouts.T0);
        var folder = Path.Combine(Path.GetTempPath(), "warroom-state-" + Guid.NewGuid().ToString("N"));
        if (postgres is not null)
        {
            var connectionString = migrate
                ? await postgres.CreateDatabaseAsync(PostgreSqlTemplate, MigrateAsync)
                : await postgres.CreateDatabaseAsync();
            var copy = new TestStateStore(StateStoreProvider.PostgreSql, connectionString, clock, folder, postgres);
            if (migrate)
            {
                // As the app starts once the schema is there: the first signed checkpoint of the audit chain's head.
                await copy.Get<AuditCheckpointWriter>().WriteAsync();
            }

            return copy;
        }

        var store = new TestStateStore(StateStoreProvider.Sqlite, $"Data Source={Path.Combine(folder, "data", "state.db")}", clock, folder, postgres: null);
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

    /// <summary>A second, independent set of services on the same database, as another process would have.</summary>
    public ServiceProvider BuildProvider()
    {
        var provider = Build(Provider, ConnectionString, Clock, _folder);
        _providers.Add(provider);
        return provider;
    }

    /// <summary>Drops every service and pooled connection and starts over on the same database.</summary>
    public async Task RestartAsync()
    {
        await Services.DisposeAsync();
        ClearPools();
        Services = BuildProvider();
    }

    public async Task<WarRoomDbContext> OpenContextAsync() =>
        await Get<IDbContextFactory<WarRoomDbContext>>().CreateDbContextAsync();

    /// <summary>
    /// Runs SQL on a plain connection, outside EF and the app, as someone with access to the database could. Quote
    /// table and column names (<c>"AuditEvents"</c>): PostgreSQL folds unquoted names to lower case.
    /// </summary>
    public async Task<int> ExecuteRawAsync(string sql)
    {
        await using var connection = await OpenRawAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync();
    }

    public async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = await OpenRawAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    /// <summary>
    /// Makes a SQLite store unreachable until the returned handle is disposed, as a disk that comes back would: its pooled
    /// connections are dropped and its folder moved aside, so opens fail with SQLite's error 14, then moved back.
    /// </summary>
    public IDisposable SqliteStoreAway()
    {
        if (Provider != StateStoreProvider.Sqlite)
        {
            throw new InvalidOperationException("Only a SQLite store can be moved away; stop a PostgresServer instead.");
        }

        var folder = Path.GetDirectoryName(DatabasePath)!;
        ClearPools();
        Directory.Move(folder, folder + ".away");
        return new StoreBack(() => Directory.Move(folder + ".away", folder));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }

        ClearPools();
        if (_postgres is not null)
        {
            await _postgres.DropDatabaseAsync(ConnectionString);
        }

        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static ServiceProvider Build(StateStoreProvider provider, string connectionString, TimeProvider clock, string folder)
    {
        var settings = new Dictionary<string, string?>
        {
            ["StateStore:Provider"] = provider.ToString(),
            ["StateStore:ConnectionString"] = connectionString,
        };
        if (provider == StateStoreProvider.PostgreSql)
        {
            // No database file to keep them beside: each store's own key and checkpoint file, in its own folder.
            settings["Audit:ChainKeyFile"] = AuditKeyFile(folder);
            settings["Audit:CheckpointFile"] = Path.Combine(folder, "audit-checkpoints.jsonl");
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton(clock);
        services.AddLogging();
        services.AddStateStore(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    private static async Task MigrateAsync(string postgresConnectionString)
    {
        var folder = Directory.CreateTempSubdirectory("warroom-template-").FullName;
        try
        {
            await using var services = Build(StateStoreProvider.PostgreSql, postgresConnectionString, TimeProvider.System, folder);
            await services.GetRequiredService<StateStoreMigrator>().MigrateAsync();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // A key file written once per folder (Audit:ChainKeyFile must exist; only the default path is generated).
    private static string AuditKeyFile(string folder)
    {
        var path = Path.Combine(folder, "audit-key");
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(path, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        }

        return path;
    }

    private async Task<DbConnection> OpenRawAsync()
    {
        DbConnection connection = Provider == StateStoreProvider.PostgreSql
            ? new NpgsqlConnection(ConnectionString + ";Pooling=false")
            : new SqliteConnection(ConnectionString + ";Pooling=False");
        await connection.OpenAsync();
        return connection;
    }

    private void ClearPools()
    {
        if (Provider == StateStoreProvider.PostgreSql)
        {
            NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString));
        }
        else
        {
            SqliteConnection.ClearAllPools();
        }
    }

    private sealed class StoreBack(Action back) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                back();
            }
        }
    }
}
