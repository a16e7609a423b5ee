using Dashboard.Core.Rollouts;
using Dashboard.Infrastructure.Checkpoints;
using Dashboard.Infrastructure.Influx;
using Dashboard.Integration.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Integration.Tests.Checkpoints;

/// <summary>Which phase runs' stored sums are pruned, applied to a real SQLite state store: whole runs, only old ended or unknown ones.</summary>
public abstract class IntervalSumRetentionTests(PostgresServerFixture? postgres) : StateStoreTestBase(postgres)
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Keep = TimeSpan.FromDays(2);
    private static readonly Guid RolloutId = Guid.Parse("6f1d2a47-0d7e-4c38-9a57-4a2b1e0c9d11");

    [Fact]
    public async Task Expired_DeletesRunsEndedOrUnknownLongerThanKeepEndedFor_AndKeepsRunningOnes()
    {
        var endedLongAgo = Phase(0, Now.AddDays(-5), Now.AddDays(-3));
        var endedRecently = Phase(1, Now.AddDays(-3), Now.AddDays(-1));
        var running = Phase(2, Now.AddDays(-1).AddHours(-12), endedAt: null);
        var rollout = Rollout(endedLongAgo, endedRecently, running);
        var unknownOld = new PhaseRunKey("bench-1", 2, Now.AddDays(-4));
        var unknownRecent = new PhaseRunKey("bench-2", 2, Now.AddDays(-1));
        await using var state = await CreateStoreAsync(new FakeTimeProvider(Now));
        var store = state.Get<IIntervalSumStore>();
        await SaveAsync(store, Key(endedLongAgo), readAt: Now.AddDays(-3));
        await SaveAsync(store, Key(endedRecently), readAt: Now.AddDays(-1));
        // A running run's newest chunk may be old too (a phase held for days): it is never pruned.
        await SaveAsync(store, Key(running), readAt: Now.AddDays(-4));
        await SaveAsync(store, unknownOld, readAt: Now.AddDays(-3));
        await SaveAsync(store, unknownRecent, readAt: Now.AddHours(-1));

        var expired = IntervalSumRetention.Expired(await store.RunsAsync(), [rollout], Now, Keep);
        foreach (var run in expired)
        {
            Assert.Equal(2, await store.DeleteAsync(run));
        }

        Assert.Equal(
            new[] { Key(endedLongAgo), unknownOld }.OrderBy(run => run.RolloutId, StringComparer.Ordinal),
            expired.OrderBy(run => run.RolloutId, StringComparer.Ordinal));
        Assert.Equal(
            new[] { Key(endedRecently), Key(running), unknownRecent }.Select(run => run.RolloutId + run.PhaseIndex).Order(StringComparer.Ordinal),
            (await store.RunsAsync()).Select(stored => stored.Run.RolloutId + stored.Run.PhaseIndex).Order(StringComparer.Ordinal));
    }

    // Two chunks per run, so a run is seen to be deleted whole.
    private static async Task SaveAsync(IIntervalSumStore store, PhaseRunKey run, DateTimeOffset readAt)
    {
        InfluxStatementResult[] results = [new(0, [], null)];
        await store.SaveAsync(run, new IntervalSumChunk("Requests", "shape", run.PhaseStart, run.PhaseStart.AddMinutes(10), readAt, results));
        await store.SaveAsync(run, new IntervalSumChunk("Probes", "shape", run.PhaseStart, run.PhaseStart.AddMinutes(10), readAt, results));
    }

    private static PhaseRunKey Key(PhaseProgress phase) => new(RolloutId.ToString(), phase.Index, phase.StartedAt!.Value);

    private static PhaseProgress Phase(int index, DateTimeOffset startedAt, DateTimeOffset? endedAt) =>
        new(index, $"phase {index}", endedAt is null ? PhaseState.Running : PhaseState.Completed, startedAt, endedAt);

    private static RolloutSnapshot Rollout(params PhaseProgress[] phases) => new(
        RolloutId, "analyzer", "1.9", "2.0", "three-phase", "{}", "lead", Now.AddDays(-6), "lead", Now.AddDays(-5),
        phases.Length - 1, 50, RolloutStatus.InProgress, 7, phases);
}

public sealed class IntervalSumRetentionOnSqliteTests() : IntervalSumRetentionTests(null);

[Collection(PostgresCollection.Name)]
public sealed class IntervalSumRetentionOnPostgreSqlTests(PostgresServerFixture postgres) : IntervalSumRetentionTests(postgres);
