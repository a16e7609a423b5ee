using Dashboard.Infrastructure.Persistence;
using Dashboard.Infrastructure.Persistence.Audit;

namespace Dashboard.Integration.Tests.Persistence;

public sealed class TrafficChangeLogTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Requested_ThenApplied_StoresTheReadBackAndMovesTheRolloutsWeight()
    {
        await using var store = await TestStateStore.CreateAsync();
        var rollout = await CreateRolloutAsync(store);
        var traffic = store.Get<TrafficChangeLog>();
        var change = Change(rollout, 10);

        await traffic.RecordRequestedAsync(change, new AuditEntry("bob", "traffic.requested", rollout.Id, new { to = 10 }));
        var requested = await traffic.FindAsync(change.Id);
        Assert.Equal((TrafficChangeStatus.Requested, 5), (requested!.Status, (await store.Get<RolloutStore>().FindAsync(rollout.Id))!.CanaryWeightPercent));

        await traffic.RecordAppliedAsync(change.Id, 10, "10 (initial 100)", new AuditEntry("bob", "traffic.applied", rollout.Id, new { readBack = 10 }));

        var applied = await traffic.FindAsync(change.Id);
        var after = await store.Get<RolloutStore>().FindAsync(rollout.Id);
        Assert.Equal((TrafficChangeStatus.Applied, 10, "10 (initial 100)", store.Clock.GetUtcNow()), (applied!.Status, applied.ReadBackPercent, applied.RouterMessage, applied.AppliedAt));
        Assert.Equal((10, 10, 2L), (after!.CanaryWeightPercent, after.Phases[0].TrafficPercent, after.Version));
        Assert.Equal(["rollout.started", "traffic.requested", "traffic.applied"], (await store.Get<AuditLog>().ReadAsync(rollout.Id)).Select(e => e.Kind));
        Assert.Equal("Applied", await store.ScalarAsync("SELECT Status FROM TrafficChanges"));
    }

    [Fact]
    public async Task Failed_KeepsTheRolloutsWeightAndTheRoutersMessage()
    {
        await using var store = await TestStateStore.CreateAsync();
        var rollout = await CreateRolloutAsync(store);
        var traffic = store.Get<TrafficChangeLog>();
        var change = Change(rollout, 50);
        await traffic.RecordRequestedAsync(change, new AuditEntry("bob", "traffic.requested", rollout.Id, new { to = 50 }));

        await traffic.RecordFailedAsync(change.Id, "No such server.", new AuditEntry("bob", "traffic.failed", rollout.Id, new { }));

        var failed = await traffic.FindAsync(change.Id);
        Assert.Equal((TrafficChangeStatus.Failed, "No such server.", (int?)null, (DateTimeOffset?)null), (failed!.Status, failed.RouterMessage, failed.ReadBackPercent, failed.AppliedAt));
        Assert.Equal((5, 1L), ((await store.Get<RolloutStore>().FindAsync(rollout.Id))!.CanaryWeightPercent, (await store.Get<RolloutStore>().FindAsync(rollout.Id))!.Version));
    }

    [Fact]
    public async Task Applied_OnAChangeAlreadyFailed_IsRefusedAndChangesNothing()
    {
        await using var store = await TestStateStore.CreateAsync();
        var rollout = await CreateRolloutAsync(store);
        var traffic = store.Get<TrafficChangeLog>();
        var change = Change(rollout, 20);
        await traffic.RecordRequestedAsync(change, new AuditEntry("bob", "traffic.requested", rollout.Id, new { }));
        await traffic.RecordFailedAsync(change.Id, "timeout", new AuditEntry("bob", "traffic.failed", rollout.Id, new { }));

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            traffic.RecordAppliedAsync(change.Id, 20, null, new AuditEntry("bob", "traffic.applied", rollout.Id, new { })));

        Assert.Contains("already Failed", refused.Message, StringComparison.Ordinal);
        Assert.Equal(5, (await store.Get<RolloutStore>().FindAsync(rollout.Id))!.CanaryWeightPercent);
        Assert.Equal(3, (await store.Get<AuditLog>().ReadAsync()).Count);
    }

    [Fact]
    public async Task Requested_ForAnUnknownRollout_ThrowsNotFoundAndStoresNothing()
    {
        await using var store = await TestStateStore.CreateAsync();
        var orphan = Change(RolloutRecords.Create(Start), 10);

        await Assert.ThrowsAsync<RolloutNotFoundException>(() =>
            store.Get<TrafficChangeLog>().RecordRequestedAsync(orphan, new AuditEntry("bob", "traffic.requested", orphan.RolloutId, new { })));

        Assert.Null(await store.Get<TrafficChangeLog>().FindAsync(orphan.Id));
        Assert.Empty(await store.Get<AuditLog>().ReadAsync());
    }

    [Fact]
    public async Task List_ReturnsTheRolloutsChangesOldestFirst()
    {
        var clock = new ManualClock(Start);
        await using var store = await TestStateStore.CreateAsync(clock);
        var rollout = await CreateRolloutAsync(store);
        var traffic = store.Get<TrafficChangeLog>();
        var late = Change(rollout, 25, Start.AddMinutes(30));
        var early = Change(rollout, 10, Start.AddMinutes(5).ToOffset(TimeSpan.FromHours(5)));
        await traffic.RecordRequestedAsync(late, new AuditEntry("bob", "traffic.requested", rollout.Id, new { }));
        await traffic.RecordRequestedAsync(early, new AuditEntry("bob", "traffic.requested", rollout.Id, new { }));

        var listed = await traffic.ListAsync(rollout.Id);

        Assert.Equal([10, 25], listed.Select(c => c.ToPercent));
        Assert.Equal([TrafficChangeSource.Ui, TrafficChangeSource.Ui], listed.Select(c => c.Source));
    }

    private static async Task<RolloutRecord> CreateRolloutAsync(TestStateStore store)
    {
        var rollout = RolloutRecords.Create(Start);
        await store.Get<RolloutStore>().CreateAsync(rollout, RolloutRecords.Started(rollout));
        return rollout;
    }

    private static TrafficChangeRecord Change(RolloutRecord rollout, int toPercent, DateTimeOffset? at = null) => new()
    {
        Id = Guid.NewGuid(),
        RolloutId = rollout.Id,
        PhaseIndex = 0,
        RequestedBy = "bob",
        RequestedAt = at ?? Start.AddMinutes(1),
        Reason = "error rate flat for 30 minutes",
        FromPercent = rollout.CanaryWeightPercent,
        ToPercent = toPercent,
        Source = TrafficChangeSource.Ui,
    };
}
