using System.Text.Json;
using Dashboard.Infrastructure.Persistence.Audit;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Integration.Tests.SignOffs;

/// <summary>Sign-offs and checklist ticks on a real SQLite state store: round trip, the run filter and their audit events.</summary>
public abstract class GateRecordStoreTests(PostgresServerFixture? postgres) : StateStoreTestBase(postgres)
{
    [Fact]
    public async Task AddAndList_RoundTripsEachRecord_WithItsAuditEventInTheChain()
    {
        var clock = new FakeTimeProvider(StoredRollouts.T0);
        await using var store = await CreateStoreAsync(clock);
        var rollout = await StoredRollouts.CreateAsync(store);
        var gates = store.Get<GateRecordStore>();
        var at = StoredRollouts.T0.AddMinutes(5);

        await gates.AddSignOffAsync(SignOff(rollout.Id, 0, "NoGo", "p99 too high", at), "canary");
        await gates.AddTickAsync(Tick(rollout.Id, 0, "on-call-confirmed", true, at.AddSeconds(1)), "canary", "On-call confirmed");
        await gates.AddTickAsync(Tick(rollout.Id, 0, "on-call-confirmed", false, at.AddSeconds(2)), "canary", "On-call confirmed");
        var listed = await gates.ListAsync(rollout.Id, 0, StoredRollouts.T0);
        var audit = (await store.Get<AuditLog>().ReadAsync(rollout.Id)).Where(e => e.Kind.StartsWith("signOff.", StringComparison.Ordinal) || e.Kind.StartsWith("checklist.", StringComparison.Ordinal)).ToList();

        var signOff = Assert.Single(listed.SignOffs);
        Assert.Equal(("OperationsLead", "NoGo", "p99 too high", "oscar", at), (signOff.Role, signOff.Decision, signOff.Comment, signOff.By, signOff.At));
        Assert.Equal([(true, "olga"), (false, "olga")], listed.Ticks.Select(t => (t.Ticked, t.By)));
        Assert.Equal(["signOff.recorded", "checklist.itemTicked", "checklist.itemUnticked"], audit.Select(e => e.Kind));
        var payload = JsonDocument.Parse(audit[0].PayloadJson).RootElement;
        Assert.Equal(
            ("OperationsLead", "NoGo", "p99 too high", 0, "canary"),
            (payload.GetProperty("role").GetString(), payload.GetProperty("decision").GetString(), payload.GetProperty("comment").GetString(),
                payload.GetProperty("phaseIndex").GetInt32(), payload.GetProperty("phase").GetString()));
        Assert.Equal("oscar", audit[0].Actor);
        Assert.Equal("on-call-confirmed", JsonDocument.Parse(audit[2].PayloadJson).RootElement.GetProperty("itemId").GetString());
        Assert.True((await store.Get<AuditLog>().VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task List_KeepsOnlyThatPhaseFromTheRunStart_OldestFirst()
    {
        await using var store = await CreateStoreAsync();
        var rollout = await StoredRollouts.CreateAsync(store);
        var gates = store.Get<GateRecordStore>();
        var runStart = StoredRollouts.T0.AddHours(1);

        await gates.AddSignOffAsync(SignOff(rollout.Id, 0, "Go", "before the retry", runStart.AddTicks(-1)), "canary");
        await gates.AddSignOffAsync(SignOff(rollout.Id, 0, "Go", "later", runStart.AddMinutes(2)), "canary");
        await gates.AddSignOffAsync(SignOff(rollout.Id, 0, "NoGo", "at the start", runStart), "canary");
        await gates.AddSignOffAsync(SignOff(rollout.Id, 2, "Go", "other phase", runStart.AddMinutes(1)), "rollout");
        await gates.AddTickAsync(Tick(rollout.Id, 0, "channels-tested", true, runStart.AddMinutes(-5)), "canary", "Channels tested");

        var listed = await gates.ListAsync(rollout.Id, 0, runStart);

        Assert.Equal(["at the start", "later"], listed.SignOffs.Select(s => s.Comment));
        Assert.Empty(listed.Ticks);
    }

    private static SignOffRecord SignOff(Guid rolloutId, int phaseIndex, string decision, string comment, DateTimeOffset at) => new()
    {
        Id = Guid.NewGuid(),
        RolloutId = rolloutId,
        PhaseIndex = phaseIndex,
        Role = "OperationsLead",
        Decision = decision,
        Comment = comment,
        By = "oscar",
        At = at,
    };

    private static ChecklistTickRecord Tick(Guid rolloutId, int phaseIndex, string itemId, bool ticked, DateTimeOffset at) => new()
    {
        Id = Guid.NewGuid(),
        RolloutId = rolloutId,
        PhaseIndex = phaseIndex,
        TemplateId = "canary-go-no-go",
        ItemId = itemId,
        Ticked = ticked,
        By = "olga",
        At = at,
    };
}

public sealed class GateRecordStoreOnSqliteTests() : GateRecordStoreTests(null);

[Collection(PostgresCollection.Name)]
public sealed class GateRecordStoreOnPostgreSqlTests(PostgresServerFixture postgres) : GateRecordStoreTests(postgres);
