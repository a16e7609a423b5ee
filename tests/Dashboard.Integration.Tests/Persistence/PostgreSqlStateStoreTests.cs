using Dashboard.Infrastructure.Persistence;
using Dashboard.Infrastructure.Persistence.Audit;
using Dashboard.Infrastructure.Persistence.PostgreSql;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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
}
