using System.Diagnostics;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.TestSupport;
using Dashboard.Web.Features.Leadership;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Xunit.Abstractions;

namespace Dashboard.Integration.Tests.HighAvailability;

/// <summary>
/// The automation lease on a real PostgreSQL: two instances' leases (two service stacks, each with its own pool) on
/// one database — one holds it, and when PostgreSQL ends the holder's session the holder stops at once and the other
/// takes over (docs/high-availability.md, "Lease").
/// </summary>
[Collection(InfluxAndPostgresCollection.Name)]
public sealed class LeaseTests(PostgresServerFixture postgres, ITestOutputHelper output)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task TwoInstances_OneDatabase_ExactlyOneHoldsAndPostgreSqlNamesIt()
    {
        var database = await postgres.Server.CreateDatabaseAsync();
        await using var a = await LeaseHost.StartAsync(database, "instance-a");
        await using var b = await LeaseHost.StartAsync(database, "instance-b");

        await Eventually.UntilAsync(() => a.Lease.IsHeld || b.Lease.IsHeld, Bound, "one of the two to take the lease");
        var (holder, other) = a.Lease.IsHeld ? (a, b) : (b, a);
        // Give the other a few of its attempts (1 s apart) to take it too, which it must not.
        await Task.WhenAny(other.Lease.WaitUntilHeldAsync(CancellationToken.None), Task.Delay(TimeSpan.FromSeconds(3)));

        Assert.True(holder.Lease.IsHeld);
        Assert.False(holder.Lease.HoldToken.IsCancellationRequested);
        Assert.False(other.Lease.IsHeld);
        Assert.True(other.Lease.HoldToken.IsCancellationRequested);
        Assert.Equal(holder.Name, await holder.Query.HolderAsync(CancellationToken.None));
        Assert.Equal(holder.Name, await other.Query.HolderAsync(CancellationToken.None));
    }

    [Fact]
    public async Task HoldersSessionTerminated_HolderStopsAtOnceAndTheOtherTakesOver()
    {
        var database = await postgres.Server.CreateDatabaseAsync();
        await using var a = await LeaseHost.StartAsync(database, "instance-a");
        await using var b = await LeaseHost.StartAsync(database, "instance-b");
        await Eventually.UntilAsync(() => a.Lease.IsHeld || b.Lease.IsHeld, Bound, "one of the two to take the lease");
        var (holder, other) = a.Lease.IsHeld ? (a, b) : (b, a);
        var hold = holder.Lease.HoldToken;
        var lostAt = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        var clock = Stopwatch.StartNew();
        using var registration = hold.Register(() => lostAt.TrySetResult(clock.Elapsed));

        // As PostgreSQL does when the holder's process dies or an admin ends its session.
        Assert.Equal(1, await TerminateSessionOfAsync(database, holder.Name));

        var lost = await lostAt.Task.WaitAsync(Bound);
        Assert.False(holder.Lease.IsHeld);
        await other.Lease.WaitUntilHeldAsync(CancellationToken.None).WaitAsync(Bound);
        var takenOver = clock.Elapsed;
        Assert.True(other.Lease.IsHeld);
        await Eventually.UntilAsync(
            async () => await other.Query.HolderAsync(CancellationToken.None) == other.Name, Bound, "PostgreSQL to name the new holder");
        output.WriteLine($"session ended → hold ended {lost.TotalMilliseconds:0} ms, → the other holds {takenOver.TotalMilliseconds:0} ms");
        // The old holder tries again and finds the lease taken: it stays a follower.
        Assert.False(holder.Lease.IsHeld);
        Assert.True(lost < TimeSpan.FromSeconds(5), $"the hold ended {lost} after its session did");
        Assert.True(takenOver < TimeSpan.FromSeconds(10), $"the other instance took over {takenOver} after the session ended");
    }

    private static async Task<int> TerminateSessionOfAsync(string database, string instance)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*)::int FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = @name) ended", connection);
        command.Parameters.AddWithValue("name", LeaseHolderQuery.ApplicationNamePrefix + instance);
        return (int)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>One instance's lease, wired as the app wires it on PostgreSQL, with its own connection pool.</summary>
    private sealed class LeaseHost : IAsyncDisposable
    {
        private LeaseHost(string name, PostgreSqlLease lease, LeaseHolderQuery query)
        {
            Name = name;
            Lease = lease;
            Query = query;
        }

        public string Name { get; }

        public PostgreSqlLease Lease { get; }

        public LeaseHolderQuery Query { get; }

        public static async Task<LeaseHost> StartAsync(string database, string name)
        {
            // A pool of its own per instance, as two processes have.
            var connectionString = new NpgsqlConnectionStringBuilder(database) { ApplicationName = "test-" + name }.ConnectionString;
            var store = Options.Create(new StateStoreOptions { Provider = StateStoreProvider.PostgreSql, ConnectionString = connectionString });
            var settings = Options.Create(new LeadershipOptions());
            var query = new LeaseHolderQuery(store, settings);
            var lease = new PostgreSqlLease(
                store, settings, Options.Create(new ClusterOptions { InstanceName = name }), query, TimeProvider.System, NullLogger<PostgreSqlLease>.Instance);
            await lease.StartAsync(CancellationToken.None);
            return new LeaseHost(name, lease, query);
        }

        public async ValueTask DisposeAsync()
        {
            await Lease.StopAsync(CancellationToken.None);
            Lease.Dispose();
        }
    }
}
