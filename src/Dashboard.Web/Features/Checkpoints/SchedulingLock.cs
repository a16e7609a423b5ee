using System.Globalization;
using Dashboard.Infrastructure.Persistence;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Dashboard.Web.Features.Checkpoints;

/// <summary>
/// Makes the code that brings Quartz jobs in step with the saved state (checkpoints, summaries, monitoring
/// cadences) run on one instance at a time. Reading what is scheduled, reading what is done and scheduling the
/// rest is a read-then-write: two instances doing it at once (both starting, or both hearing of one rollout
/// change) would both schedule the same job, or one would schedule again a job the other's run had just
/// finished. On PostgreSQL a session advisory lock on a connection of its own serializes them across instances
/// (docs/high-availability.md); a killed instance's connection closes and the server frees its lock. SQLite runs
/// one instance whose watchers already work one item at a time, so nothing is taken there.
/// </summary>
public sealed class SchedulingLock(IOptions<StateStoreOptions> options)
{
    /// <summary>
    /// The advisory lock's key: "WarRoom" 4. The write lock is 1, the migration lock 2 and the automation lease 3; this
    /// one used to share 2 with the migrations, so an instance starting up waited for another's scheduling sync.
    /// </summary>
    private const long Key = 0x57_61_72_52_6F_6F_6D_04;

    private static readonly string LockSql = string.Create(CultureInfo.InvariantCulture, $"SELECT pg_advisory_lock({Key})");

    /// <summary>Waits for the lock; disposing the result releases it.</summary>
    public async Task<IAsyncDisposable> AcquireAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Provider != StateStoreProvider.PostgreSql)
        {
            return NotLocked.Instance;
        }

        // Not pooled: closing the connection ends the session, so the lock can never outlive this holder in a pool.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(options.Value.ConnectionString) { Pooling = false }.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand(LockSql, connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private sealed class NotLocked : IAsyncDisposable
    {
        public static readonly NotLocked Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
