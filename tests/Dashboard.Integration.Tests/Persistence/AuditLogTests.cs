using Dashboard.Core.Audit;
using Dashboard.Infrastructure.Persistence.Audit;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Integration.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Integration.Tests.Persistence;

public abstract class AuditLogTests(PostgresServerFixture? postgres) : StateStoreTestBase(postgres)
{
    [Fact]
    public async Task Append_Three_ChainsEachToThePreviousFromGenesis()
    {
        await using var store = await CreateStoreAsync();
        var log = store.Get<AuditLog>();

        var first = await log.AppendAsync("alice", "rollout.started", Guid.NewGuid(), new { weight = 5 });
        var second = await log.AppendAsync("bob", "traffic.requested", null, new { to = 10 });
        var third = await log.AppendAsync("bob", "traffic.applied", null, new { readBack = 10 });

        Assert.Equal([1L, 2L, 3L], new[] { first, second, third }.Select(e => e.Sequence));
        Assert.Equal(new string('0', 64), first.PreviousHash);
        Assert.Equal((first.Hash, second.Hash), (second.PreviousHash, third.PreviousHash));
        Assert.Matches("^[0-9a-f]{64}$", third.Hash);
        var verification = await log.VerifyAsync();
        Assert.Equal(AuditVerification.Intact(3, third.Hash, checkpointSequence: 0), verification);
    }

    [Fact]
    public async Task Append_StoresThePayloadAsCamelCaseJsonAndTheClockTimeToTheMicrosecond()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
        await using var store = await CreateStoreAsync(clock);
        clock.Advance(TimeSpan.FromTicks(12_347));

        await store.Get<AuditLog>().AppendAsync("alice", "traffic.requested", null, new { FromPercent = 5, ToPercent = 10, Reason = "phase 2" });

        var stored = Assert.Single(await store.Get<AuditLog>().ReadAsync());
        Assert.Equal("""{"fromPercent":5,"toPercent":10,"reason":"phase 2"}""", stored.PayloadJson);
        // Truncated to the microsecond, the precision the chain hashes.
        Assert.Equal(clock.GetUtcNow().AddTicks(-7), stored.At);
        var storedAt = Provider == StateStoreProvider.Sqlite ? "2026-11-23T12:00:00.0012340Z" : (object)new DateTime(2026, 11, 23, 12, 0, 0, 1, 234, DateTimeKind.Utc);
        Assert.Equal(storedAt, await store.ScalarAsync("""SELECT "At" FROM "AuditEvents" """));
    }

    [Fact]
    public async Task Read_ForOneRollout_ReturnsOnlyItsEventsInSequenceOrder()
    {
        await using var store = await CreateStoreAsync();
        var log = store.Get<AuditLog>();
        var mine = Guid.NewGuid();
        await log.AppendAsync("a", "one", mine, new { });
        await log.AppendAsync("a", "other", Guid.NewGuid(), new { });
        await log.AppendAsync("a", "plan", null, new { });
        await log.AppendAsync("a", "two", mine, new { });

        var events = await log.ReadAsync(mine);

        Assert.Equal([("one", 1L), ("two", 4L)], events.Select(e => (e.Kind, e.Sequence)));
        Assert.Equal(4, (await log.ReadAsync()).Count);
    }

    [Fact]
    public async Task Append_ManyAtOnceFromTwoProcesses_SequenceIsGaplessAndTheChainVerifies()
    {
        await using var store = await CreateStoreAsync();
        var logs = new[] { store.Get<AuditLog>(), store.BuildProvider().GetRequiredService<AuditLog>() };
        const int Writers = 8;
        const int PerWriter = 15;

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < PerWriter; i++)
            {
                await logs[w % 2].AppendAsync($"writer-{w}", "test.append", null, new { w, i });
            }
        })));

        var events = await store.Get<AuditLog>().ReadAsync();
        Assert.Equal(Enumerable.Range(1, Writers * PerWriter).Select(i => (long)i), events.Select(e => e.Sequence));
        var verification = await store.Get<AuditLog>().VerifyAsync();
        Assert.True(verification.IsIntact, verification.Problem);
        Assert.Equal(Writers * PerWriter, verification.Checked);
    }

    [Fact]
    public async Task Append_InACallerTransactionThatRollsBack_LeavesNoEvent()
    {
        await using var store = await CreateStoreAsync();
        var log = store.Get<AuditLog>();
        await log.AppendAsync("a", "before", null, new { });

        await using (var db = await store.OpenContextAsync())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await log.AppendAsync(db, AuditEventDraft.For("a", "abandoned", null, new { }));
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        var next = await log.AppendAsync("a", "after", null, new { });
        Assert.Equal(2, next.Sequence);
        Assert.True((await log.VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task Append_TwiceInOneUnitOfWork_ChainsTheSecondToTheFirst()
    {
        await using var store = await CreateStoreAsync();
        var log = store.Get<AuditLog>();
        await log.AppendAsync("a", "before", null, new { });

        await store.Get<StateUnitOfWork>().RunAsync(async db =>
        {
            await log.AppendAsync(db, AuditEventDraft.For("a", "first", null, new { }));
            return await log.AppendAsync(db, AuditEventDraft.For("a", "second", null, new { }));
        });

        Assert.Equal(["before", "first", "second"], (await log.ReadAsync()).Select(e => e.Kind));
        Assert.True((await log.VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task Append_IntoAContextWithoutATransaction_IsRefused()
    {
        await using var store = await CreateStoreAsync();
        await using var db = await store.OpenContextAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            store.Get<AuditLog>().AppendAsync(db, AuditEventDraft.For("a", "x", null, new { })));
    }

    [Fact]
    public async Task Verify_EmptyLog_IsIntactWithGenesisHead()
    {
        await using var store = await CreateStoreAsync();

        var verification = await store.Get<AuditLog>().VerifyAsync();

        Assert.Equal(AuditVerification.Intact(0, new string('0', 64), checkpointSequence: 0), verification);
    }
}

public sealed class AuditLogOnSqliteTests() : AuditLogTests(null);

[Collection(PostgresCollection.Name)]
public sealed class AuditLogOnPostgreSqlTests(PostgresServerFixture postgres) : AuditLogTests(postgres);
