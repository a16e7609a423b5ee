using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Dashboard.Infrastructure.Persistence;

/// <summary>
/// Raw access to the app's state database, for the readiness probe. Everything else goes through
/// <see cref="WarRoomDbContext"/>.
/// </summary>
public sealed class StateStore(IOptions<StateStoreOptions> options)
{
    private readonly StateStoreOptions _options = options.Value;
    private int _folderEnsured;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        DbConnection connection;
        if (_options.Provider == StateStoreProvider.PostgreSql)
        {
            connection = new NpgsqlConnection(_options.ConnectionString);
        }
        else
        {
            if (Interlocked.Exchange(ref _folderEnsured, 1) == 0)
            {
                SqliteDataFolder.Ensure(_options.ConnectionString);
            }

            connection = new SqliteConnection(_options.ConnectionString);
        }

        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
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
