using Dashboard.Infrastructure.Persistence.Audit;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Integration.Tests.TestSupport;

namespace Dashboard.Integration.Tests.Persistence;

public abstract class StoredPlanStoreTests(PostgresServerFixture? postgres) : StateStoreTestBase(postgres)
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Create_ThenFindAndList_RoundTrips()
    {
        await using var store = await CreateStoreAsync();
        var plans = store.Get<StoredPlanStore>();

        await plans.CreateAsync(Plan("quick-canary"), Audit("quick-canary"));
        await plans.CreateAsync(Plan("a-first"), Audit("a-first"));

        var found = await plans.FindAsync("quick-canary");
        Assert.Equal(("Plan quick-canary", """{"id":"quick-canary"}""", "alice", At), (found!.Name, found.Json, found.CreatedBy, found.CreatedAt));
        Assert.Equal(["a-first", "quick-canary"], (await plans.ListAsync()).Select(p => p.Id));
    }

    [Fact]
    public async Task Create_DuplicateId_ThrowsAndKeepsTheFirstWithoutAuditingTheSecond()
    {
        await using var store = await CreateStoreAsync();
        var plans = store.Get<StoredPlanStore>();
        await plans.CreateAsync(Plan("quick-canary"), Audit("quick-canary"));
        var second = Plan("quick-canary");
        second.Json = """{"id":"quick-canary","changed":true}""";

        var duplicate = await Assert.ThrowsAsync<DuplicatePlanException>(() => plans.CreateAsync(second, Audit("quick-canary")));

        Assert.Equal("quick-canary", duplicate.PlanId);
        Assert.Equal("""{"id":"quick-canary"}""", (await plans.FindAsync("quick-canary"))!.Json);
        Assert.Single(await store.Get<AuditLog>().ReadAsync());
    }

    [Fact]
    public async Task Replace_ExistingPlan_ChangesNameAndJson_AndMissingPlanReturnsFalse()
    {
        await using var store = await CreateStoreAsync();
        var plans = store.Get<StoredPlanStore>();
        await plans.CreateAsync(Plan("quick-canary"), Audit("quick-canary"));

        var replaced = await plans.ReplaceAsync("quick-canary", "Quicker", """{"v":2}""", Audit("quick-canary"));
        var missing = await plans.ReplaceAsync("nope", "x", "{}", Audit("nope"));

        Assert.Equal((true, false), (replaced, missing));
        var found = await plans.FindAsync("quick-canary");
        Assert.Equal(("Quicker", """{"v":2}"""), (found!.Name, found.Json));
        Assert.Equal(2, (await store.Get<AuditLog>().ReadAsync()).Count);
    }

    [Fact]
    public async Task Delete_RemovesThePlanOnce()
    {
        await using var store = await CreateStoreAsync();
        var plans = store.Get<StoredPlanStore>();
        await plans.CreateAsync(Plan("quick-canary"), Audit("quick-canary"));

        var first = await plans.DeleteAsync("quick-canary", Audit("quick-canary"));
        var second = await plans.DeleteAsync("quick-canary", Audit("quick-canary"));

        Assert.Equal((true, false), (first, second));
        Assert.Null(await plans.FindAsync("quick-canary"));
        Assert.Equal(2, (await store.Get<AuditLog>().ReadAsync()).Count);
    }

    private static StoredPlanRecord Plan(string id) => new()
    {
        Id = id,
        Name = $"Plan {id}",
        Json = $$"""{"id":"{{id}}"}""",
        CreatedBy = "alice",
        CreatedAt = At,
    };

    private static AuditEventDraft Audit(string id) => AuditEventDraft.For("alice", "plan.saved", null, new { id });
}

public sealed class StoredPlanStoreOnSqliteTests() : StoredPlanStoreTests(null);

[Collection(PostgresCollection.Name)]
public sealed class StoredPlanStoreOnPostgreSqlTests(PostgresServerFixture postgres) : StoredPlanStoreTests(postgres);
