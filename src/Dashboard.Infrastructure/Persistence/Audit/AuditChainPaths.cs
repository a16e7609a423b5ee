using Microsoft.Data.Sqlite;

namespace Dashboard.Infrastructure.Persistence.Audit;

/// <summary>
/// Where the key file and the checkpoint file go when not configured: beside the SQLite database, named after it
/// (<c>.data/warroom.db.audit-key</c>, <c>.data/warroom.db.audit-checkpoints.jsonl</c>), so two databases in one
/// folder never share a checkpoint file; <c>.data/state-store.*</c> when the store is not a SQLite file.
/// </summary>
internal static class AuditChainPaths
{
    public const string KeyFileSuffix = ".audit-key";

    public const string CheckpointFileSuffix = ".audit-checkpoints.jsonl";

    public static string KeyFile(AuditChainOptions audit, StateStoreOptions store) =>
        Path.GetFullPath(string.IsNullOrWhiteSpace(audit.ChainKeyFile) ? Database(store) + KeyFileSuffix : audit.ChainKeyFile);

    public static string CheckpointFile(AuditChainOptions audit, StateStoreOptions store) =>
        Path.GetFullPath(string.IsNullOrWhiteSpace(audit.CheckpointFile) ? Database(store) + CheckpointFileSuffix : audit.CheckpointFile);

    private static string Database(StateStoreOptions store)
    {
        try
        {
            var dataSource = new SqliteConnectionStringBuilder(store.ConnectionString).DataSource;
            if (!string.IsNullOrWhiteSpace(dataSource) && dataSource != ":memory:" && !dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
            {
                return dataSource;
            }
        }
        catch (ArgumentException)
        {
            // Not a SQLite connection string (another provider): fall back to the quick start's folder.
        }

        return Path.Combine(".data", "state-store");
    }
}
