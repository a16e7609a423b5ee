using Microsoft.EntityFrameworkCore;

namespace Dashboard.Infrastructure.Persistence;

/// <summary>
/// Runs one change of state in one transaction: a fresh context, <c>BEGIN IMMEDIATE</c> on SQLite or the
/// store's advisory lock on PostgreSQL (<see cref="PostgreSql.PostgreSqlWriteLock"/>; either way the write lock is
/// taken first, so a read-then-write inside cannot race another writer, in this process or another), then save
/// and commit. If the work throws, nothing of it is stored — a state change and its audit event are never
/// half-applied.
/// </summary>
public sealed class StateUnitOfWork(IDbContextFactory<WarRoomDbContext> contextFactory)
{
    public async Task<T> RunAsync<T>(Func<WarRoomDbContext, Task<T>> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await work(db);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }
}
