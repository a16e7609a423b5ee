using Dashboard.Core.Rollouts;
using Dashboard.Infrastructure.Persistence.Audit;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.TestSupport;

namespace Dashboard.Integration.Tests.Persistence;

public abstract class TrafficChangeLogTests(PostgresServerFixture? postgres) : StateStoreTestBase(postgres)
{
    private static readonly DateTimeOffset T0 = StoredRollouts.T0;

    [Fact]
    public async Task Outcome_Confirmed_StoresAppliedWithTheReadBackAndAuditsIt()
    {
        await using var store = await CreateStoreAsync();
        var (rollout, change) = await StoredRollouts.StartedAsync(store);

        await store.Get<TrafficChangeLog>().RecordOutcomeAsync(change.Confirm(change.ToPercent, T0.AddMinutes(2)));

        var applied = await store.Get<TrafficChangeLog>().FindAsync(change.Id);
        Assert.Equal((TrafficChangeStatus.Applied, change.ToPercent, T0.AddMinutes(2), (string?)null), (applied!.Status, applied.ReadBackPercent, applied.SettledAt, applied.FailureMessage));
        var last = (await store.Get<AuditLog>().ReadAsync(rollout.Id))[^1];
        Assert.Equal(("traffic.changeApplied", "alice"), (last.Kind, last.Actor));
        Assert.Contains($"\"readBackPercent\":{change.ToPercent}", last.PayloadJson, StringComparison.Ordinal);
        Assert.Equal("Applied", await store.ScalarAsync("""SELECT "Status" FROM "TrafficChanges" """));
    }

    [Fact]
    public async Task Outcome_ReadBackDiffers_StoresFailedWithCoresExplanation()
    {
        await using var store = await CreateStoreAsync();
        var (_, change) = await StoredRollouts.StartedAsync(store);

        await store.Get<TrafficChangeLog>().RecordOutcomeAsync(change.Confirm(100, T0.AddMinutes(2)));

        var failed = await store.Get<TrafficChangeLog>().FindAsync(change.Id);
        Assert.Equal((TrafficChangeStatus.Failed, 100), (failed!.Status, failed.ReadBackPercent));
        Assert.Contains("not the requested", failed.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outcome_RouterFailed_StoresTheRoutersMessage()
    {
        await using var store = await CreateStoreAsync();
        var (rollout, change) = await StoredRollouts.StartedAsync(store);

        await store.Get<TrafficChangeLog>().RecordOutcomeAsync(change.Fail("No such server.", T0.AddMinutes(2)));

        var failed = await store.Get<TrafficChangeLog>().FindAsync(change.Id);
        Assert.Equal((TrafficChangeStatus.Failed, "No such server.", (int?)null), (failed!.Status, failed.FailureMessage, failed.ReadBackPercent));
        Assert.Equal("traffic.changeFailed", (await store.Get<AuditLog>().ReadAsync(rollout.Id))[^1].Kind);
    }

    [Fact]
    public async Task Outcome_ForAnAlreadySettledChange_IsRefusedAndChangesNothing()
    {
        await using var store = await CreateStoreAsync();
        var (_, change) = await StoredRollouts.StartedAsync(store);
        await store.Get<TrafficChangeLog>().RecordOutcomeAsync(change.Fail("timeout", T0.AddMinutes(2)));
        var eventsBefore = (await store.Get<AuditLog>().ReadAsync()).Count;

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            store.Get<TrafficChangeLog>().RecordOutcomeAsync(change.Confirm(change.ToPercent, T0.AddMinutes(3))));

        Assert.Contains("already Failed", refused.Message, StringComparison.Ordinal);
        Assert.Equal(TrafficChangeStatus.Failed, (await store.Get<TrafficChangeLog>().FindAsync(change.Id))!.Status);
        Assert.Equal(eventsBefore, (await store.Get<AuditLog>().ReadAsync()).Count);
    }

    [Fact]
    public async Task Outcome_NotYetSettled_IsRejected()
    {
        await using var store = await CreateStoreAsync();
        var (_, change) = await StoredRollouts.StartedAsync(store);

        await Assert.ThrowsAsync<ArgumentException>(() => store.Get<TrafficChangeLog>().RecordOutcomeAsync(change));
    }

    [Fact]
    public async Task List_ReturnsTheRolloutsChangesOldestFirstWithTheirSource()
    {
        await using var store = await CreateStoreAsync();
        var (rollout, first) = await StoredRollouts.StartedAsync(store);
        await store.Get<TrafficChangeLog>().RecordOutcomeAsync(first.Confirm(first.ToPercent, T0.AddMinutes(2)));
        await StoredRollouts.SaveAsync(
            store, rollout, r => r.ChangeTraffic(10, "bob", "steady for 30 minutes", T0.AddMinutes(30).ToOffset(TimeSpan.FromHours(-4))), TrafficChangeSource.Automation);

        var listed = await store.Get<TrafficChangeLog>().ListAsync(rollout.Id);

        Assert.Equal([(first.ToPercent, TrafficChangeSource.Ui, TrafficChangeStatus.Applied), (10, TrafficChangeSource.Automation, TrafficChangeStatus.Requested)],
            listed.Select(c => (c.ToPercent, c.Source, c.Status)));
        Assert.Equal("steady for 30 minutes", listed[1].Reason);
    }
}

public sealed class TrafficChangeLogOnSqliteTests() : TrafficChangeLogTests(null);

[Collection(PostgresCollection.Name)]
public sealed class TrafficChangeLogOnPostgreSqlTests(PostgresServerFixture postgres) : TrafficChangeLogTests(postgres);
