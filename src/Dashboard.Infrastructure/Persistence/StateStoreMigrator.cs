using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Infrastructure.Persistence;

/// <summary>
/// Brings the state store's schema up to the checked-in migrations. Call once at start-up, before
/// anything reads the store. Idempotent; two processes starting on the same file are safe because EF
/// Core takes a database-wide migration lock and re-reads the applied migrations under it.
/// </summary>
public sealed partial class StateStoreMigrator(
    IDbContextFactory<WarRoomDbContext> contextFactory,
    IOptions<StateStoreOptions> options,
    ILogger<StateStoreMigrator> logger)
{
    /// <summary>Applies pending migrations and returns the ones that were pending when it started.</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        SqliteDataFolder.Ensure(options.Value.ConnectionString);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);

        // WAL lets pages read while a writer holds the lock. EF turns it on when it creates the file, but a
        // file made by something else (an older build, sqlite3) may still be in rollback-journal mode.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count == 0)
        {
            var current = db.Database.GetMigrations().LastOrDefault() ?? "(none)";
            LogUpToDate(logger, current);
            return [];
        }

        var names = string.Join(", ", pending);
        LogApplying(logger, pending.Count, names);
        await db.Database.MigrateAsync(cancellationToken);
        LogApplied(logger, pending[^1]);
        return pending;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "State store schema is up to date at {Migration}")]
    private static partial void LogUpToDate(ILogger logger, string migration);

    [LoggerMessage(Level = LogLevel.Information, Message = "State store has {Count} pending migration(s): {Migrations}")]
    private static partial void LogApplying(ILogger logger, int count, string migrations);

    [LoggerMessage(Level = LogLevel.Information, Message = "State store schema is now at {Migration}")]
    private static partial void LogApplied(ILogger logger, string migration);
}
