using Dashboard.Infrastructure.Persistence;
using Dashboard.Integration.Tests.TestSupport;

namespace Dashboard.Integration.Tests.Persistence;

public abstract class GuardrailMemoryStoreTests(PostgresServerFixture? postgres) : StateStoreTestBase(postgres)
{
    private static readonly DateTimeOffset Since = new DateTimeOffset(2026, 12, 7, 3, 14, 15, TimeSpan.Zero).AddTicks(9_265_350);

    [Fact]
    public async Task SaveMemory_TwiceForOneRollout_KeepsOneRowWithTheLatestAndDeleteForgetsIt()
    {
        await using var store = await CreateStoreAsync();
        var memories = store.Get<GuardrailMemoryStore>();
        var kept = Guid.NewGuid();
        var other = Guid.NewGuid();

        await memories.SaveMemoryAsync(kept, "{\"n\":1}");
        await memories.SaveMemoryAsync(kept, "{\"n\":2}");
        await memories.SaveMemoryAsync(other, "{}");
        await memories.DeleteMemoriesAsync([other]);

        var row = Assert.Single(await memories.LoadMemoriesAsync());
        Assert.Equal((kept, "{\"n\":2}"), (row.RolloutId, row.StateJson));
    }

    [Fact]
    public async Task SaveRouterAlert_ThenAnAttemptMore_IsReadBackWhole_AndDeleteSettlesIt()
    {
        await using var store = await CreateStoreAsync();
        var alerts = store.Get<GuardrailMemoryStore>();
        var id = Guid.NewGuid();

        await alerts.SaveRouterAlertAsync(Alert(id, attempts: 1, problem: "connection refused"));
        await alerts.SaveRouterAlertAsync(Alert(id, attempts: 2, problem: "timed out"));
        var read = Assert.Single(await alerts.LoadRouterAlertsAsync());
        await alerts.DeleteRouterAlertAsync(id);

        Assert.Equal(
            (id, "analyzer", "2.0.0", 0, "timed out", Since, 2),
            (read.RolloutId, read.Service, read.CandidateVersion, read.WantedPercent, read.Problem, read.Since, read.Attempts));
        Assert.Empty(await alerts.LoadRouterAlertsAsync());
    }

    private static RouterAlertRecord Alert(Guid id, int attempts, string problem) => new()
    {
        RolloutId = id,
        Service = "analyzer",
        CandidateVersion = "2.0.0",
        WantedPercent = 0,
        Problem = problem,
        Since = Since,
        Attempts = attempts,
    };
}

public sealed class GuardrailMemoryStoreOnSqliteTests() : GuardrailMemoryStoreTests(null);

[Collection(PostgresCollection.Name)]
public sealed class GuardrailMemoryStoreOnPostgreSqlTests(PostgresServerFixture postgres) : GuardrailMemoryStoreTests(postgres);
