using System.Globalization;
using Dashboard.Infrastructure.Persistence;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Dashboard.Web.Features.Leadership;

/// <summary>
/// Asks PostgreSQL which instance holds the automation lease: the session advisory lock on <see cref="Key"/> and the
/// application name of the connection that holds it (<see cref="ApplicationNamePrefix"/> + <c>Cluster:InstanceName</c>).
/// The holder asks it to confirm its own hold; <c>/readyz</c> asks it to show who acts.
/// </summary>
public sealed class LeaseHolderQuery(IOptions<StateStoreOptions> store, IOptions<LeadershipOptions> options)
{
    /// <summary>The lease's advisory lock key; neither the write lock's nor the migration lock's ("WarRoom" 3).</summary>
    public const long Key = 0x57_61_72_52_6F_6F_6D_03;

    /// <summary>The lock connection's application name starts with this, followed by the instance name.</summary>
    public const string ApplicationNamePrefix = "warroom-lease:";

    // A bigint advisory lock shows in pg_locks as classid (high 32 bits), objid (low 32 bits) and objsubid 1.
    private static readonly string Sql = string.Create(
        CultureInfo.InvariantCulture,
        $"""
        SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE l.locktype = 'advisory' AND l.granted AND l.classid = {(uint)(Key >> 32)} AND l.objid = {unchecked((uint)Key)} AND l.objsubid = 1
        """);

    private readonly string connectionString = QueryConnectionString(store.Value.ConnectionString, options.Value.KeepaliveCadence);

    /// <summary>The holder's instance name, or null when nobody holds the lease. Throws when PostgreSQL cannot be asked.</summary>
    public async Task<string?> HolderAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(Sql, connection);
        return await command.ExecuteScalarAsync(cancellationToken) switch
        {
            string name when name.StartsWith(ApplicationNamePrefix, StringComparison.Ordinal) => name[ApplicationNamePrefix.Length..],
            string name => name,
            _ => null,
        };
    }

    /// <summary>
    /// The connection string of the lock's own connection: named after the instance, so that others can see who holds
    /// it, and with <c>client_connection_check_interval</c> (PostgreSQL 14 or newer) at 1 s. The library watches the
    /// lock with a long-running query on that connection, and a backend busy with a query notices a dead client only
    /// when it checks: without it, the lock of a SIGKILLed holder outlived it by up to a minute (35–39 s measured).
    /// </summary>
    public static string LockConnectionString(string stateStoreConnectionString, string instanceName)
    {
        var builder = new NpgsqlConnectionStringBuilder(stateStoreConnectionString) { ApplicationName = ApplicationNamePrefix + instanceName };
        builder.Options = $"{builder.Options} -c client_connection_check_interval=1000".Trim();
        return builder.ConnectionString;
    }

    // A check must not outlast the cadence: connecting and the query each give up after it (whole seconds, at least 1).
    private static string QueryConnectionString(string stateStoreConnectionString, TimeSpan cadence)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(cadence.TotalSeconds));
        return new NpgsqlConnectionStringBuilder(stateStoreConnectionString) { Timeout = seconds, CommandTimeout = seconds }.ConnectionString;
    }
}
