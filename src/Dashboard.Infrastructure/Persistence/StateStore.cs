using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Dashboard.Infrastructure.Persistence;

/// <summary>
/// The app's own state database. Opens connections, creating the file's folder on first use.
/// </summary>
public sealed class StateStore(IOptions<StateStoreOptions> options)
{
    private readonly string _connectionString = options.Value.ConnectionString;
    private int _folderEnsured;

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        EnsureFolder();
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

    private void EnsureFolder()
    {
        if (Interlocked.Exchange(ref _folderEnsured, 1) == 1)
        {
            return;
        }

        var dataSource = new SqliteConnectionStringBuilder(_connectionString).DataSource;
        if (dataSource == ":memory:" || dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }
}
