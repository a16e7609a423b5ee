using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Dashboard.Infrastructure.Persistence;

/// <summary>
/// Raw access to the app's state database, for the readiness probe. Everything else goes through
/// <see cref="WarRoomDbContext"/>.
/// </summary>
public sealed class StateStore(IOptions<StateStoreOptions> options)
{
    private readonly string _connectionString = options.Value.ConnectionString;
    private int _folderEnsured;

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _folderEnsured, 1) == 0)
        {
            SqliteDataFolder.Ensure(_connectionString);
        }

        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>Runs a trivial statement to prove the store answers; throws when it does not.</summary>
    public async Task ProbeAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1";
        await command.ExecuteScalarAsync(cancellationToken);
    }
}
