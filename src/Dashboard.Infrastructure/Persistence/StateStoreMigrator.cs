using System.Globalization;
using Dashboard.Infrastructure.Persistence.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Infrastructure.Persistence;

/// <summary>
/// Brings the state store's schema up to the checked-in migrations of its engine (SQLite's under
/// <c>Persistence/Migrations</c>, PostgreSQL's under <c>Persistence/PostgreSql/Migrations</c>). Call once at start-up,
/// before anything reads the store. Idempotent, and safe when two instances start at once: on SQLite EF Core takes a
/// database-wide migration lock and re-reads the applied migrations under it; on PostgreSQL the migrator holds a
/// session advisory lock around the whole check-and-apply, so the second instance waits and then finds nothing to do.
/// On PostgreSQL it also warns when the server may lose commits it confirmed (<see cref="PostgreSqlDurability"/>).
/// </summary>
public sealed partial class StateStoreMigrator(
    IDbContextFactory<WarRoomDbContext> contextFactory,
    IOptions<StateStoreOptions> options,
    ILogger<StateStoreMigrator> logger)
{
    /// <summary>The migration lock's key on PostgreSQL; not <see cref="PostgreSqlWriteLock.Key"/>, which migrations take too.</summary>
    internal const long PostgreSqlLockKey = 0x57_61_72_52_6F_6F_6D_02; // "WarRoom" 2

    private static readonly string LockSql = string.Create(CultureInfo.InvariantCulture, $"SELECT pg_advisory_lock({PostgreSqlLockKey})");
    private static readonly string UnlockSql = string.Create(CultureInfo.InvariantCulture, $"SELECT pg_advisory_unlock({PostgreSqlLockKey})");

    /// <summary>Applies pending migrations and returns the ones that were pending when it started.</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        if (settings.Provider == StateStoreProvider.PostgreSql)
        {
            return await MigratePostgreSqlAsync(settings, cancellationToken);
        }

        SqliteDataFolder.Ensure(settings.ConnectionString);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);

        // WAL lets pages read while a writer holds the lock. EF turns it on when it creates the file, but a
        // file made by something else (an older build, sqlite3) may still be in rollback-journal mode.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        return await ApplyAsync(db, cancellationToken);
    }

    private async Task<IReadOnlyList<string>> MigratePostgreSqlAsync(StateStoreOptions settings, CancellationToken cancellationToken)
    {
        var builder = new DbContextOptionsBuilder<WarRoomDbContext>();
        StateStoreDatabase.Configure(builder, settings);
        await using var db = new PostgreSqlWarRoomDbContext(builder.Options);

        // The lock belongs to the session: keep one connection open from the lock to the unlock.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            foreach (var setting in await PostgreSqlDurability.SettingsThatLoseCommitsAsync(db.Database.GetDbConnection(), cancellationToken))
            {
                LogCommitsCanBeLost(logger, setting);
            }

            await db.Database.ExecuteSqlRawAsync(LockSql, cancellationToken);
            try
            {
                return await ApplyAsync(db, cancellationToken);
            }
            finally
            {
                await db.Database.ExecuteSqlRawAsync(UnlockSql, CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<IReadOnlyList<string>> ApplyAsync(WarRoomDbContext db, CancellationToken cancellationToken)
    {
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

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "PostgreSQL runs with {Setting} = off: a crash can lose commits it already confirmed, so a saved verdict or traffic change can vanish and Quartz can hold a trigger for good. Turn it on (docs/high-availability.md, \"PostgreSQL must keep what it acknowledged\")")]
    private static partial void LogCommitsCanBeLost(ILogger logger, string setting);

    [LoggerMessage(Level = LogLevel.Information, Message = "State store schema is up to date at {Migration}")]
    private static partial void LogUpToDate(ILogger logger, string migration);

    [LoggerMessage(Level = LogLevel.Information, Message = "State store has {Count} pending migration(s): {Migrations}")]
    private static partial void LogApplying(ILogger logger, int count, string migrations);

    [LoggerMessage(Level = LogLevel.Information, Message = "State store schema is now at {Migration}")]
    private static partial void LogApplied(ILogger logger, string migration);
}
