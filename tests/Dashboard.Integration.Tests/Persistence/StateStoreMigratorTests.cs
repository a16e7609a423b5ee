using Dashboard.Infrastructure.Persistence;
using Dashboard.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Integration.Tests.Persistence;

public sealed class StateStoreMigratorTests
{
    [Fact]
    public async Task Migrate_OnMissingFolder_CreatesTheFileWithEveryTableAndTheAuditTriggers()
    {
        await using var store = await TestStateStore.CreateAsync(migrate: false);
        Assert.False(File.Exists(store.DatabasePath));

        var applied = await store.Get<StateStoreMigrator>().MigrateAsync();

        Assert.True(File.Exists(store.DatabasePath));
        await using (var db = await store.OpenContextAsync())
        {
            Assert.Equal(db.Database.GetMigrations(), applied);
        }

        Assert.Contains(applied, name => name.EndsWith("_Initial", StringComparison.Ordinal));
        foreach (var table in new[] { "Rollouts", "PhaseRuns", "TrafficChanges", "StoredPlans", "AuditEvents", "CheckpointVerdicts", "Incidents", "IncidentUpdates", "HealthChecks", "CheckpointDecisions", "People", "ApiKeys", "KioskLinks", "DataProtectionKeys", "SignOffs", "ChecklistTicks", "__EFMigrationsHistory" })
        {
            Assert.Equal(1L, await store.ScalarAsync($"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{table}'"));
        }

        Assert.Equal(2L, await store.ScalarAsync("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'AuditEvents'"));
        Assert.Equal("wal", await store.ScalarAsync("PRAGMA journal_mode"));
    }

    [Fact]
    public async Task Migrate_SecondTime_AppliesNothing()
    {
        await using var store = await TestStateStore.CreateAsync();

        var applied = await store.Get<StateStoreMigrator>().MigrateAsync();

        Assert.Empty(applied);
        Assert.Equal(await CheckedInMigrationCountAsync(store), await store.ScalarAsync("SELECT count(*) FROM __EFMigrationsHistory"));
    }

    [Fact]
    public async Task Migrate_TwoProcessesAtOnce_BothSucceedAndTheSchemaIsAppliedOnce()
    {
        await using var store = await TestStateStore.CreateAsync(migrate: false);
        var other = store.BuildProvider();

        await Task.WhenAll(
            Task.Run(() => store.Get<StateStoreMigrator>().MigrateAsync()),
            Task.Run(() => other.GetRequiredService<StateStoreMigrator>().MigrateAsync()));

        Assert.Equal(await CheckedInMigrationCountAsync(store), await store.ScalarAsync("SELECT count(*) FROM __EFMigrationsHistory"));
        Assert.Equal(2L, await store.ScalarAsync("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"));
    }

    [Fact]
    public async Task CheckedInMigrations_CoverTheWholeModel()
    {
        await using var store = await TestStateStore.CreateAsync();
        await using var db = await store.OpenContextAsync();

        // Fails when an entity changes without `dotnet ef migrations add`.
        Assert.False(db.Database.HasPendingModelChanges());
    }

    /// <summary>Each checked-in migration once in the history: as many rows as migrations.</summary>
    private static async Task<object?> CheckedInMigrationCountAsync(TestStateStore store)
    {
        await using var db = await store.OpenContextAsync();
        return (long)db.Database.GetMigrations().Count();
    }
}
