using Microsoft.Data.Sqlite;

namespace Dashboard.Infrastructure.Persistence;

/// <summary>SQLite creates a missing database file but not its folder; this creates the folder.</summary>
internal static class SqliteDataFolder
{
    public static void Ensure(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
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
