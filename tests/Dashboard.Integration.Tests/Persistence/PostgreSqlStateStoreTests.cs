using Dashboard.Infrastructure.Persistence;
using Dashboard.Infrastructure.Persistence.Audit;
using Dashboard.Infrastructure.Persistence.PostgreSql;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Dashboard.Integration.Tests.Persistence;

/// <summary>
/// What only PostgreSQL has: its own migrations, applied under an advisory lock, and the append-only trigger.
/// (The tests of <see cref="StateStoreTestBase"/> classes run the rest on both engines.)
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlStateStoreTests(PostgresServerFixture postgres)
{
    private static readonly string[] Tables =
    [
        "Rollouts", "PhaseRuns", "TrafficChanges", "StoredPlans", "AuditEvents", "CheckpointVerdicts", "Incidents", "IncidentUpdates",
        "HealthChecks", "CheckpointDecisions", "People", "ApiKeys", "KioskLinks", "DataProtectionKeys", "SignOffs", "ChecklistTicks",
        "ExecutiveSummaries", "RosterAssignments", "ShiftHandoffs", "IntervalSums", "__EFMigrationsHistory",
    ];

    [Fact]
    public async Task Migrate_OnEmptyDatabase_CreatesEveryTableAndTheAuditTriggers()
    {
        await using var store = await TestStateStore.CreateAsync(migrate: false, postgres: postgres.Server);

        var applied = await store.Get<StateStoreMigrator>().MigrateAsync();

        Assert.Equal(PostgreSqlMigrations(store), applied);
        foreach (var table in Tables)
        {
            Assert.Equal(1L, await store.ScalarAsync($"SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name = '{table}'"));
        }

        Assert.Equal(2L, await store.ScalarAsync("""SELECT count(*) FROM pg_trigger WHERE tgrelid = '"AuditEvents"'::regclass AND NOT tgisinternal"""));
    }

    [Fact]
    public async Task Migrate_SecondTime_AppliesNothing()
    {
        await using var store = await TestStateStore.CreateAsync(postgres: postgres.Server);

        var applied = await store.Get<StateStoreMigrator>().MigrateAsync();

        Assert.Empty(applied);
        Assert.Equal((long)PostgreSqlMigrations(store).Count, await store.ScalarAsync("""SELECT count(*) FROM "__EFMigrationsHistory" """));
    }

    [Fact]
    public async Task Migrate_FourInstancesAtOnceOnAnEmptyDatabase_AllSucceedWithOneSchema()
    {
        await using var store = await TestStateStore.CreateAsync(migrate: false, postgres: postgres.Server);
        var instances = new[] { store.Services, store.BuildProvider(), store.BuildProvider(), store.BuildProvider() };

        var results = await Task.WhenAll(instances.Select(services => Task.Run(() => services.GetRequiredService<StateStoreMigrator>().MigrateAsync())));

        // One instance applied everything; the others waited for it and found nothing to do.
        Assert.Equal([0, 0, 0, PostgreSqlMigrations(store).Count], results.Select(r => r.Count).Order());
        Assert.Equal((long)PostgreSqlMigrations(store).Count, await store.ScalarAsync("""SELECT count(*) FROM "__EFMigrationsHistory" """));
        Assert.Equal(2L, await store.ScalarAsync("""SELECT count(*) FROM pg_trigger WHERE tgrelid = '"AuditEvents"'::regclass AND NOT tgisinternal"""));
    }

    [Fact]
    public async Task CheckedInMigrations_CoverTheWholeModel()
    {
        await using var store = await TestStateStore.CreateAsync(migrate: false, postgres: postgres.Server);
        await using var db = PostgreSqlContext(store);

        // Fails when an entity changes without `dotnet ef migrations add … --context PostgreSqlWarRoomDbContext`.
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Theory]
    [InlineData("""UPDATE "AuditEvents" SET "Actor" = 'mallory' WHERE "Sequence" = 2""", "UPDATE refused")]
    [InlineData("""DELETE FROM "AuditEvents" WHERE "Sequence" = 2""", "DELETE refused")]
    [InlineData("""TRUNCATE "AuditEvents" """, "TRUNCATE refused")]
    public async Task RawSql_UpdateDeleteOrTruncate_IsRefusedByTheTrigger(string sql, string message)
    {
        await using var store = await TestStateStore.CreateAsync(postgres: postgres.Server);
        var log = store.Get<AuditLog>();
        for (var i = 1; i <= 3; i++)
        {
            await log.AppendAsync("alice", "traffic.applied", null, new { to = i * 10 });
        }

        var refused = await Assert.ThrowsAsync<PostgresException>(() => store.ExecuteRawAsync(sql));

        Assert.Contains(message, refused.MessageText, StringComparison.Ordinal);
        var verification = await log.VerifyAsync();
        Assert.Equal((true, 3), (verification.IsIntact, verification.Checked));
    }

    [Fact]
    public async Task DatabaseSetToSynchronousCommitOff_IsNamedAsLosingConfirmedCommits_AndTheMigratorWarnsOfIt()
    {
        await using var store = await TestStateStore.CreateAsync(postgres: postgres.Server);
        var database = new NpgsqlConnectionStringBuilder(store.ConnectionString).Database;
        var before = await SettingsThatLoseCommitsAsync(store);
        await using (var admin = new NpgsqlConnection(store.ConnectionString + ";Pooling=false"))
        {
            await admin.OpenAsync();
            await using var alter = new NpgsqlCommand($"ALTER DATABASE \"{database}\" SET synchronous_commit = off", admin);
            await alter.ExecuteNonQueryAsync();
        }

        var after = await SettingsThatLoseCommitsAsync(store);
        var warnings = new WarningLog();
        NpgsqlConnection.ClearAllPools();
        var migrator = new StateStoreMigrator(
            store.Get<IDbContextFactory<WarRoomDbContext>>(),
            Options.Create(new StateStoreOptions { Provider = StateStoreProvider.PostgreSql, ConnectionString = store.ConnectionString }),
            warnings);
        await migrator.MigrateAsync();

        // The test server itself runs with fsync off (PostgresServer), and keeps synchronous_commit on.
        Assert.Equal(["fsync"], before);
        Assert.Equal(["synchronous_commit", "fsync"], after);
        Assert.Equal(2, warnings.Messages.Count);
        Assert.Contains("synchronous_commit = off", warnings.Messages[0], StringComparison.Ordinal);
        Assert.Contains("fsync = off", warnings.Messages[1], StringComparison.Ordinal);
    }

    private static async Task<IReadOnlyList<string>> SettingsThatLoseCommitsAsync(TestStateStore store)
    {
        // A new session each time: ALTER DATABASE … SET applies to sessions started after it.
        await using var connection = new NpgsqlConnection(store.ConnectionString + ";Pooling=false");
        await connection.OpenAsync();
        return await PostgreSqlDurability.SettingsThatLoseCommitsAsync(connection);
    }

    private static PostgreSqlWarRoomDbContext PostgreSqlContext(TestStateStore store)
    {
        var builder = new DbContextOptionsBuilder<WarRoomDbContext>();
        StateStoreDatabase.Configure(builder, new StateStoreOptions { Provider = StateStoreProvider.PostgreSql, ConnectionString = store.ConnectionString });
        return new PostgreSqlWarRoomDbContext(builder.Options);
    }

    private static List<string> PostgreSqlMigrations(TestStateStore store)
    {
        using var db = PostgreSqlContext(store);
        return [.. db.Database.GetMigrations()];
    }

    /// <summary>Keeps the text of every warning logged to it.</summary>
    private sealed class WarningLog : ILogger<StateStoreMigrator>
    {
        public List<string> Messages { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                Messages.Add(formatter(state, exception));
            }
        }
    }
}
