using Dashboard.Infrastructure.Persistence;
using Dashboard.Infrastructure.Persistence.Audit;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.TestSupport;

namespace Dashboard.Integration.Tests.Persistence;

public abstract class ExecutiveSummaryStoreTests(PostgresServerFixture? postgres) : StateStoreTestBase(postgres)
{
    private static readonly DateTimeOffset T0 = StoredRollouts.T0;

    [Fact]
    public async Task TryAdd_SameMilestoneOfTheSameRunTwice_RefusesTheSecondAndKeepsTheFirstUnchanged()
    {
        await using var store = await CreateStoreAsync();
        var (rollout, _) = await StoredRollouts.StartedAsync(store);
        var summaries = store.Get<ExecutiveSummaryStore>();

        var first = await summaries.TryAddAsync(Record(rollout.Id, "{\"said\":\"first\"}"), "automation (summaries)", new { n = 1 });
        var second = await summaries.TryAddAsync(Record(rollout.Id, "{\"said\":\"second\"}"), "automation (summaries)", new { n = 2 });

        var stored = Assert.Single(await summaries.ListAsync(rollout.Id));
        Assert.Equal((true, false, "{\"said\":\"first\"}"), (first, second, stored.ContentJson));
        Assert.Equal("{\"said\":\"first\"}", (await summaries.FindAsync(rollout.Id, stored.Id))!.ContentJson);
        var generated = (await store.Get<AuditLog>().ReadAsync(rollout.Id)).Where(e => e.Kind == "summary.generated").ToList();
        Assert.Equal("automation (summaries)", Assert.Single(generated).Actor);
    }

    [Fact]
    public async Task TryAdd_AnotherMilestoneOrARetriedRun_IsStoredBeside()
    {
        await using var store = await CreateStoreAsync();
        var (rollout, _) = await StoredRollouts.StartedAsync(store);
        var summaries = store.Get<ExecutiveSummaryStore>();

        await summaries.TryAddAsync(Record(rollout.Id, "{}"), "automation (summaries)", new { });
        var end = await summaries.TryAddAsync(Record(rollout.Id, "{}", "end", T0.AddHours(9)), "automation (summaries)", new { });
        var retried = await summaries.TryAddAsync(Record(rollout.Id, "{}", startedAt: T0.AddHours(1)), "automation (summaries)", new { });

        Assert.Equal((true, true), (end, retried));
        Assert.Equal(3, (await summaries.ListAsync(rollout.Id)).Count);
    }

    private static ExecutiveSummaryRecord Record(Guid rolloutId, string content, string milestone = "8h", DateTimeOffset? periodEnd = null, DateTimeOffset? startedAt = null) => new()
    {
        Id = Guid.NewGuid(),
        RolloutId = rolloutId,
        PhaseIndex = 0,
        PhaseStartedAt = startedAt ?? T0,
        Milestone = milestone,
        PeriodEnd = periodEnd ?? T0.AddHours(8),
        GeneratedAt = T0.AddHours(8),
        ContentJson = content,
    };
}

public sealed class ExecutiveSummaryStoreOnSqliteTests() : ExecutiveSummaryStoreTests(null);

[Collection(PostgresCollection.Name)]
public sealed class ExecutiveSummaryStoreOnPostgreSqlTests(PostgresServerFixture postgres) : ExecutiveSummaryStoreTests(postgres);
