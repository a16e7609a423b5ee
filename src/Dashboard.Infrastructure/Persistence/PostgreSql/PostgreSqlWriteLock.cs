using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Dashboard.Infrastructure.Persistence.PostgreSql;

/// <summary>
/// Takes one transaction-scoped advisory lock (<c>pg_advisory_xact_lock</c>) first thing in every transaction EF
/// begins on PostgreSQL, released by the commit or rollback. The code was written for SQLite, whose immediate
/// transaction holds the write lock from its start: a read-then-write inside a unit of work (the audit chain's
/// head, a rollout's version, a unique id check) cannot race another writer. This gives PostgreSQL the same
/// rule across every instance on the database, so two instances never append to the same chain head
/// (docs/high-availability.md). Reads outside a transaction do not wait.
/// </summary>
internal sealed class PostgreSqlWriteLock : DbTransactionInterceptor
{
    /// <summary>The advisory lock's key; any constant that nothing else on the database uses.</summary>
    public const long Key = 0x57_61_72_52_6F_6F_6D_01; // "WarRoom" 1

    private static readonly string Sql = string.Create(CultureInfo.InvariantCulture, $"SELECT pg_advisory_xact_lock({Key})");

    public static readonly PostgreSqlWriteLock Instance = new();

    private PostgreSqlWriteLock()
    {
    }

    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = Command(connection, result);
        command.ExecuteScalar();
        return result;
    }

    public override async ValueTask<DbTransaction> TransactionStartedAsync(
        DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = Command(connection, result);
        await command.ExecuteScalarAsync(cancellationToken);
        return result;
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Sql;
        return command;
    }
}
