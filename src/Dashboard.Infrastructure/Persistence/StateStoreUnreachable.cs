using Microsoft.Data.Sqlite;
using Npgsql;

namespace Dashboard.Infrastructure.Persistence;

/// <summary>
/// Recognises a failure that says the state store did not answer, not that it refused what was asked: PostgreSQL
/// down, restarting or cut off (no connection, a connection lost mid-way, a shutdown, too many connections), or a
/// SQLite file that cannot be opened. Whatever was being saved was not saved (each save is one transaction), so the
/// caller may say "unreachable, nothing changed" and the person may try again once the store is back.
/// </summary>
public static class StateStoreUnreachable
{
    private const int SqliteCannotOpen = 14;

    /// <summary>True when <paramref name="exception"/> or one it wraps (EF Core's, the provider's) is such a failure.</summary>
    public static bool Is(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (IsItself(current))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsItself(Exception exception) => exception switch
    {
        // The server answered with an error: only connection trouble (class 08), a shutdown or a server that cannot
        // take connections now (57P0x), or no connection slot left (53300) mean it is unreachable.
        PostgresException postgres => postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
            || postgres.SqlState.StartsWith("57P", StringComparison.Ordinal)
            || postgres.SqlState == PostgresErrorCodes.TooManyConnections,
        // Npgsql's own failures: connecting, reading or writing did not succeed, or timed out.
        NpgsqlException => true,
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteCannotOpen,
        _ => false,
    };
}
