using Dashboard.Infrastructure.Persistence;
using Dashboard.Infrastructure.Persistence.Audit;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Integration.Tests.Persistence;

public sealed class RolloutStoreTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Create_ThenFind_RoundTripsEveryColumnAndThePhasesInPlanOrder()
    {
        await using var store = await TestStateStore.CreateAsync();
        var rollouts = store.Get<RolloutStore>();
        var created = RolloutRecords.Create(Start.ToOffset(TimeSpan.FromHours(2)).AddTicks(7));
        created.Phases.Reverse();
        created.Phases[0].EndedAt = Start.AddHours(1);

        await rollouts.CreateAsync(created, RolloutRecords.Started(created));
        var found = await rollouts.FindAsync(created.Id);

        Assert.NotNull(found);
        Assert.Equal(1, found.Version);
        Assert.Equal(
            (created.Service, created.BaselineVersion, created.CandidateVersion, created.PlanId, created.PlanJson, created.StartedBy, created.CreatedAt, created.Status, created.CurrentPhaseIndex, created.CanaryWeightPercent, created.UpdatedAt),
            (found.Service, found.BaselineVersion, found.CandidateVersion, found.PlanId, found.PlanJson, found.StartedBy, found.CreatedAt, found.Status, found.CurrentPhaseIndex, found.CanaryWeightPercent, found.UpdatedAt));
        Assert.Equal([0, 1, 2], found.Phases.Select(p => p.Index));
        Assert.Equal(
            created.Phases.OrderBy(p => p.Index).Select(p => (p.Name, p.State, p.StartedAt, p.EndedAt, p.TrafficPercent)),
            found.Phases.Select(p => (p.Name, p.State, p.StartedAt, p.EndedAt, p.TrafficPercent)));
    }

    [Fact]
    public async Task List_RolloutsCreatedInDifferentOffsets_AreNewestFirstByInstant()
    {
        await using var store = await TestStateStore.CreateAsync();
        var rollouts = store.Get<RolloutStore>();
        var nineUtc = RolloutRecords.Create(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero), "nine-utc");
        var eightUtcWrittenAsTen = RolloutRecords.Create(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(2)), "eight-utc");
        var tenUtcWrittenAsFive = RolloutRecords.Create(new DateTimeOffset(2026, 11, 23, 5, 0, 0, TimeSpan.FromHours(-5)), "ten-utc");
        foreach (var rollout in new[] { nineUtc, eightUtcWrittenAsTen, tenUtcWrittenAsFive })
        {
            await rollouts.CreateAsync(rollout, RolloutRecords.Started(rollout));
        }

        var listed = await rollouts.ListAsync();

        Assert.Equal(["ten-utc", "nine-utc", "eight-utc"], listed.Select(r => r.Service));
    }

    [Fact]
    public async Task Query_FilterOnTimestamp_ComparesInstantsInSql()
    {
        await using var store = await TestStateStore.CreateAsync();
        var rollouts = store.Get<RolloutStore>();
        foreach (var hour in new[] { 8, 9, 10, 11 })
        {
            var rollout = RolloutRecords.Create(new DateTimeOffset(2026, 11, 23, hour, 0, 0, TimeSpan.Zero), $"at-{hour}");
            await rollouts.CreateAsync(rollout, RolloutRecords.Started(rollout));
        }

        await using var db = await store.OpenContextAsync();
        var after = new DateTimeOffset(2026, 11, 23, 11, 30, 0, TimeSpan.FromHours(2)); // 09:30 UTC
        var services = await db.Rollouts.Where(r => r.CreatedAt > after).OrderBy(r => r.CreatedAt).Select(r => r.Service).ToListAsync();

        Assert.Equal(["at-10", "at-11"], services);
    }

    [Fact]
    public async Task Update_AtTheCurrentVersion_SavesBumpsTheVersionAndAuditsInOneGo()
    {
        await using var store = await TestStateStore.CreateAsync();
        var rollouts = store.Get<RolloutStore>();
        var rollout = RolloutRecords.Create(Start);
        await rollouts.CreateAsync(rollout, RolloutRecords.Started(rollout));

        var updated = await rollouts.UpdateAsync(rollout.Id, 1, r =>
        {
            r.Status = "Held";
            r.Phases[0].State = "Held";
            return new AuditEntry("bob", "phase.held", r.Id, new { phase = 0 });
        });

        var found = await rollouts.FindAsync(rollout.Id);
        Assert.Equal(2, updated.Version);
        Assert.Equal(("Held", "Held", 2L), (found!.Status, found.Phases[0].State, found.Version));
        var events = await store.Get<AuditLog>().ReadAsync(rollout.Id);
        Assert.Equal(["rollout.started", "phase.held"], events.Select(e => e.Kind));
    }

    [Fact]
    public async Task Update_OnlyAPhaseChanged_StillBumpsTheRolloutVersion()
    {
        await using var store = await TestStateStore.CreateAsync();
        var rollouts = store.Get<RolloutStore>();
        var rollout = RolloutRecords.Create(Start);
        await rollouts.CreateAsync(rollout, RolloutRecords.Started(rollout));

        await rollouts.UpdateAsync(rollout.Id, 1, r =>
        {
            r.Phases[1].State = "AwaitingSignOff";
            return new AuditEntry("bob", "phase.awaiting", r.Id, new { phase = 1 });
        });

        Assert.Equal(2, (await rollouts.FindAsync(rollout.Id))!.Version);
    }

    [Fact]
    public async Task Update_AtAStaleVersion_ThrowsConcurrencyConflictAndWritesNothing()
    {
        await using var store = await TestStateStore.CreateAsync();
        var rollouts = store.Get<RolloutStore>();
        var rollout = RolloutRecords.Create(Start);
        await rollouts.CreateAsync(rollout, RolloutRecords.Started(rollout));
        await rollouts.UpdateAsync(rollout.Id, 1, r => { r.Status = "Held"; return new AuditEntry("bob", "phase.held", r.Id, new { }); });

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            rollouts.UpdateAsync(rollout.Id, 1, r => { r.Status = "Aborted"; return new AuditEntry("carol", "rollout.aborted", r.Id, new { }); }));

        Assert.Equal((1L, 2L), (conflict.ExpectedVersion, conflict.StoredVersion));
        Assert.Contains("version 1", conflict.Message, StringComparison.Ordinal);
        Assert.Equal("Held", (await rollouts.FindAsync(rollout.Id))!.Status);
        Assert.Equal(2, (await store.Get<AuditLog>().ReadAsync(rollout.Id)).Count);
    }

    [Fact]
    public async Task SaveChanges_TwoContextsEditTheSameRollout_TheSecondFailsOnTheVersionToken()
    {
        await using var store = await TestStateStore.CreateAsync();
        var rollout = RolloutRecords.Create(Start);
        await store.Get<RolloutStore>().CreateAsync(rollout, RolloutRecords.Started(rollout));
        await using var first = await store.OpenContextAsync();
        await using var second = await store.OpenContextAsync();
        var mine = await first.Rollouts.SingleAsync(r => r.Id == rollout.Id);
        var theirs = await second.Rollouts.SingleAsync(r => r.Id == rollout.Id);

        mine.CanaryWeightPercent = 10;
        await first.SaveChangesAsync();
        theirs.CanaryWeightPercent = 25;

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        Assert.Equal(10, (await store.Get<RolloutStore>().FindAsync(rollout.Id))!.CanaryWeightPercent);
    }

    [Fact]
    public async Task Update_WhenTheChangeThrows_NeitherStateNorAuditIsStored()
    {
        await using var store = await TestStateStore.CreateAsync();
        var rollouts = store.Get<RolloutStore>();
        var rollout = RolloutRecords.Create(Start);
        await rollouts.CreateAsync(rollout, RolloutRecords.Started(rollout));

        await Assert.ThrowsAsync<InvalidOperationException>(() => rollouts.UpdateAsync(rollout.Id, 1, r =>
        {
            r.Status = "Completed";
            throw new InvalidOperationException("illegal transition");
        }));

        Assert.Equal(("Running", 1L), ((await rollouts.FindAsync(rollout.Id))!.Status, (await rollouts.FindAsync(rollout.Id))!.Version));
        Assert.Single(await store.Get<AuditLog>().ReadAsync());
    }

    [Fact]
    public async Task Update_UnknownRollout_ThrowsNotFound()
    {
        await using var store = await TestStateStore.CreateAsync();

        var missing = Guid.NewGuid();
        var ex = await Assert.ThrowsAsync<RolloutNotFoundException>(() =>
            store.Get<RolloutStore>().UpdateAsync(missing, 1, r => new AuditEntry("bob", "x", r.Id, new { })));

        Assert.Equal(missing, ex.RolloutId);
    }

    [Fact]
    public async Task Restart_OnTheSameFile_KeepsRolloutsPhasesAndTheAuditChain()
    {
        await using var store = await TestStateStore.CreateAsync();
        var rollout = RolloutRecords.Create(Start);
        await store.Get<RolloutStore>().CreateAsync(rollout, RolloutRecords.Started(rollout));
        await store.Get<RolloutStore>().UpdateAsync(rollout.Id, 1, r => { r.CurrentPhaseIndex = 1; return new AuditEntry("bob", "phase.advanced", r.Id, new { to = 1 }); });

        await store.RestartAsync();
        var applied = await store.Get<StateStoreMigrator>().MigrateAsync();
        var found = await store.Get<RolloutStore>().FindAsync(rollout.Id);
        var verification = await store.Get<AuditLog>().VerifyAsync();

        Assert.Empty(applied);
        Assert.Equal((1, 2L, 3), (found!.CurrentPhaseIndex, found.Version, found.Phases.Count));
        Assert.Equal((true, 2L), (verification.Intact, verification.Count));
    }
}
