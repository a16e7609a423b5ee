using Dashboard.Core.Rollouts;
using Dashboard.Infrastructure.Persistence.Audit;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Integration.Tests.Persistence;

public abstract class RolloutStoreTests(PostgresServerFixture? postgres) : StateStoreTestBase(postgres)
{
    private static readonly DateTimeOffset T0 = StoredRollouts.T0;

    [Fact]
    public async Task Create_ThenFind_ReturnsTheSameSnapshotWithPhasesInPlanOrder()
    {
        await using var store = await CreateStoreAsync();
        // Times at the finest step each engine keeps: 100 ns on SQLite, 1 µs in PostgreSQL's timestamptz.
        var finest = Provider == StateStoreProvider.Sqlite ? 7 : 70;
        var rollout = await StoredRollouts.CreateAsync(store, T0.ToOffset(TimeSpan.FromHours(2)).AddTicks(finest));
        var expected = rollout.ToSnapshot();

        var found = await store.Get<RolloutStore>().FindAsync(rollout.Id);

        Assert.NotNull(found);
        Assert.Equal(expected with { Phases = [] }, found with { Phases = [] });
        Assert.Equal(expected.Phases, found.Phases);
        Assert.Equal([0, 1, 2], found.Phases.Select(p => p.Index));
        Assert.Equal("NotStarted", await store.ScalarAsync("""SELECT "Status" FROM "Rollouts" """));

        // As docs/state-store.md says: upper-case text on SQLite, PostgreSQL's own uuid type.
        var storedId = Provider == StateStoreProvider.Sqlite ? rollout.Id.ToString().ToUpperInvariant() : (object)rollout.Id;
        Assert.Equal(storedId, await store.ScalarAsync("""SELECT "Id" FROM "Rollouts" """));
    }

    [Fact]
    public async Task Load_AfterACommand_RebuildsTheAggregateWhereItWas()
    {
        await using var store = await CreateStoreAsync();
        var (rollout, _) = await StoredRollouts.StartedAsync(store);
        await StoredRollouts.SaveAsync(store, rollout, r => r.Hold("bob", "error spike", T0.AddMinutes(20)));

        var loaded = await store.Get<RolloutStore>().LoadAsync(rollout.Id);

        Assert.NotNull(loaded);
        Assert.Equal((RolloutStatus.Held, PhaseState.Held, 3, rollout.CanaryWeightPercent), (loaded.Status, loaded.CurrentState, loaded.Version, loaded.CanaryWeightPercent));
        Assert.Equal(T0.AddMinutes(20), loaded.CurrentProgress.HeldAt);
        Assert.Null(await store.Get<RolloutStore>().LoadAsync(Guid.NewGuid()));
    }

    [Fact]
    public async Task List_RolloutsCreatedInDifferentOffsets_AreNewestFirstByInstant()
    {
        await using var store = await CreateStoreAsync();
        await StoredRollouts.CreateAsync(store, new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero), "nine-utc");
        await StoredRollouts.CreateAsync(store, new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(2)), "eight-utc");
        await StoredRollouts.CreateAsync(store, new DateTimeOffset(2026, 11, 23, 5, 0, 0, TimeSpan.FromHours(-5)), "ten-utc");

        var listed = await store.Get<RolloutStore>().ListAsync();

        Assert.Equal(["ten-utc", "nine-utc", "eight-utc"], listed.Select(r => r.Service));
    }

    [Fact]
    public async Task Query_FilterOnTimestamp_ComparesInstantsInSql()
    {
        await using var store = await CreateStoreAsync();
        foreach (var hour in new[] { 8, 9, 10, 11 })
        {
            await StoredRollouts.CreateAsync(store, new DateTimeOffset(2026, 11, 23, hour, 0, 0, TimeSpan.Zero), $"at-{hour}");
        }

        await using var db = await store.OpenContextAsync();
        var after = new DateTimeOffset(2026, 11, 23, 11, 30, 0, TimeSpan.FromHours(2)); // 09:30 UTC
        var services = await db.Rollouts.Where(r => r.CreatedAt > after).OrderBy(r => r.CreatedAt).Select(r => r.Service).ToListAsync();

        Assert.Equal(["at-10", "at-11"], services);
    }

    [Fact]
    public async Task Save_AtTheLoadedVersion_StoresStateAuditsEveryEventAndRecordsTheTrafficRequest()
    {
        await using var store = await CreateStoreAsync();

        var (rollout, change) = await StoredRollouts.StartedAsync(store, TrafficChangeSource.Api);

        var found = await store.Get<RolloutStore>().FindAsync(rollout.Id);
        Assert.Equal((RolloutStatus.InProgress, 2, change.ToPercent, "alice"), (found!.Status, found.Version, found.CanaryWeightPercent, found.StartedBy));
        Assert.Equal(["rollout.created", "rollout.started", "traffic.changeRequested"], (await store.Get<AuditLog>().ReadAsync(rollout.Id)).Select(e => e.Kind));
        var recorded = await store.Get<TrafficChangeLog>().FindAsync(change.Id);
        Assert.NotNull(recorded);
        Assert.Equal(change, recorded.ToTrafficChange());
        Assert.Equal((TrafficChangeStatus.Requested, TrafficChangeSource.Api), (recorded.Status, recorded.Source));
    }

    [Fact]
    public async Task Save_AtAStaleVersion_ThrowsConcurrencyConflictAndStoresNothing()
    {
        await using var store = await CreateStoreAsync();
        var (rollout, _) = await StoredRollouts.StartedAsync(store);
        var mine = (await store.Get<RolloutStore>().LoadAsync(rollout.Id))!;
        var theirs = (await store.Get<RolloutStore>().LoadAsync(rollout.Id))!;
        await StoredRollouts.SaveAsync(store, theirs, r => r.Hold("bob", "error spike", T0.AddMinutes(5)));

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            StoredRollouts.SaveAsync(store, mine, r => r.Abort("carol", "wrong build", T0.AddMinutes(6))));

        Assert.Equal((2, 3), (conflict.ExpectedVersion, conflict.StoredVersion));
        Assert.Contains("version 2", conflict.Message, StringComparison.Ordinal);
        Assert.Equal(RolloutStatus.Held, (await store.Get<RolloutStore>().FindAsync(rollout.Id))!.Status);
        Assert.DoesNotContain("rollout.aborted", (await store.Get<AuditLog>().ReadAsync()).Select(e => e.Kind));
        Assert.Single(await store.Get<TrafficChangeLog>().ListAsync(rollout.Id));
    }

    [Fact]
    public async Task SaveChanges_TwoContextsEditTheSameRollout_TheSecondFailsOnTheVersionToken()
    {
        await using var store = await CreateStoreAsync();
        var rollout = await StoredRollouts.CreateAsync(store);
        await using var first = await store.OpenContextAsync();
        await using var second = await store.OpenContextAsync();
        var mine = await first.Rollouts.SingleAsync(r => r.Id == rollout.Id);
        var theirs = await second.Rollouts.SingleAsync(r => r.Id == rollout.Id);

        mine.CanaryWeightPercent = 10;
        await first.SaveChangesAsync();
        theirs.CanaryWeightPercent = 25;

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        Assert.Equal((10, 2), ((await store.Get<RolloutStore>().FindAsync(rollout.Id))!.CanaryWeightPercent, (await store.Get<RolloutStore>().FindAsync(rollout.Id))!.Version));
    }

    [Fact]
    public async Task SaveChanges_OnlyAPhaseEdited_AdvancesTheRolloutVersion()
    {
        await using var store = await CreateStoreAsync();
        var rollout = await StoredRollouts.CreateAsync(store);
        await using (var db = await store.OpenContextAsync())
        {
            var record = await db.Rollouts.SingleAsync(r => r.Id == rollout.Id);
            record.Phases[1].HeldAt = T0;
            await db.SaveChangesAsync();
        }

        Assert.Equal(2, (await store.Get<RolloutStore>().FindAsync(rollout.Id))!.Version);
    }

    [Fact]
    public async Task UnitOfWork_WorkThrowsAfterChangingStateAndAuditing_StoresNeither()
    {
        await using var store = await CreateStoreAsync();
        var rollout = await StoredRollouts.CreateAsync(store);

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.Get<StateUnitOfWork>().RunAsync<int>(async db =>
        {
            var record = await db.Rollouts.SingleAsync(r => r.Id == rollout.Id);
            record.CanaryWeightPercent = 50;
            await store.Get<AuditLog>().AppendAsync(db, AuditEventDraft.For("bob", "traffic.changeRequested", rollout.Id, new { to = 50 }));
            await db.SaveChangesAsync();
            throw new InvalidOperationException("the router call that follows failed");
        }));

        Assert.Equal(0, (await store.Get<RolloutStore>().FindAsync(rollout.Id))!.CanaryWeightPercent);
        Assert.Single(await store.Get<AuditLog>().ReadAsync());
    }

    [Fact]
    public async Task Save_UnknownRollout_ThrowsNotFound()
    {
        await using var store = await CreateStoreAsync();
        var rollout = Rollout.Create(Guid.NewGuid(), "svc", "v1", "v2", Core.Plans.BuiltInPlans.ThreePhase, "alice", "why", T0).Rollout!;

        var missing = await Assert.ThrowsAsync<RolloutNotFoundException>(() =>
            StoredRollouts.SaveAsync(store, rollout, r => r.Start("alice", "go", T0)));

        Assert.Equal(rollout.Id, missing.RolloutId);
        Assert.Empty(await store.Get<AuditLog>().ReadAsync());
    }

    [Fact]
    public async Task Restart_OnTheSameFile_KeepsRolloutsTrafficAndTheAuditChain()
    {
        await using var store = await CreateStoreAsync();
        var (rollout, change) = await StoredRollouts.StartedAsync(store);

        await store.RestartAsync();
        var applied = await store.Get<StateStoreMigrator>().MigrateAsync();
        var loaded = await store.Get<RolloutStore>().LoadAsync(rollout.Id);
        var verification = await store.Get<AuditLog>().VerifyAsync();

        Assert.Empty(applied);
        Assert.Equal((RolloutStatus.InProgress, 2), (loaded!.Status, loaded.Version));
        Assert.NotNull(await store.Get<TrafficChangeLog>().FindAsync(change.Id));
        Assert.Equal((true, 3), (verification.IsIntact, verification.Checked));
    }
}

public sealed class RolloutStoreOnSqliteTests() : RolloutStoreTests(null);

[Collection(PostgresCollection.Name)]
public sealed class RolloutStoreOnPostgreSqlTests(PostgresServerFixture postgres) : RolloutStoreTests(postgres);
