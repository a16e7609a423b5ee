using Dashboard.Infrastructure.Persistence.PostgreSql;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Infrastructure.Persistence;

/// <summary>Points EF Core at the configured engine: the one place that knows which provider to use.</summary>
public static class StateStoreDatabase
{
    /// <summary>
    /// SQLite as before; on PostgreSQL also the <see cref="PostgreSqlWriteLock"/>, so that every transaction holds
    /// the store's write lock from its start, as SQLite's immediate transaction does.
    /// </summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, StateStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        return options.Provider switch
        {
            StateStoreProvider.Sqlite => builder.UseSqlite(options.ConnectionString),
            StateStoreProvider.PostgreSql => builder.UseNpgsql(options.ConnectionString).AddInterceptors(PostgreSqlWriteLock.Instance),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Provider, "Unknown state store provider."),
        };
    }
}
