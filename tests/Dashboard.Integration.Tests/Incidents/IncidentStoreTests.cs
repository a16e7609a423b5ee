using Dashboard.Core.Incidents;
using Dashboard.Core.Plans;
using Dashboard.Infrastructure.Checkpoints;
using Dashboard.Infrastructure.Persistence.Audit;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Integration.Tests.Incidents;

/// <summary>Incidents on a real SQLite state store: timeline, audit, refusals, and the counts checkpoints read.</summary>
public abstract class IncidentStoreTests(PostgresServerFixture? postgres) : StateStoreTestBase(postgres)
{
    [Fact]
    public async Task OpenUpdateResolve_KeepsTheTimelineAndAuditsEachStep()
    {
        var clock = new FakeTimeProvider(StoredRollouts.T0);
        await using var store = await CreateStoreAsync(clock);
        var rollout = await StoredRollouts.CreateAsync(store);
        var incidents = store.Get<IncidentStore>();

        var opened = await incidents.OpenAsync(rollout.Id, 0, IncidentSeverity.High, "Checkout errors", "5xx on /checkout", "carol", false, "alice");
        clock.Advance(TimeSpan.FromMinutes(5));
        var raised = await incidents.AppendAsync(opened.Id, new IncidentUpdateDraft("bob", "now every region", IncidentSeverity.Critical, "dave"), resolve: false);
        clock.Advance(TimeSpan.FromMinutes(5));
        var resolved = await incidents.AppendAsync(opened.Id, new IncidentUpdateDraft("dave", "rolled back the cache config"), resolve: true);
        var again = await incidents.AppendAsync(opened.Id, new IncidentUpdateDraft("dave", "late note"), resolve: false);
        var stored = await incidents.FindAsync(opened.Id);
        var audit = await store.Get<AuditLog>().ReadAsync(rollout.Id);

        Assert.Null(raised.Refusal);
        Assert.Null(resolved.Refusal);
        Assert.Equal(IncidentChangeRefusal.AlreadyResolved, again.Refusal);
        Assert.NotNull(stored);
        Assert.Equal(("Critical", "dave", StoredRollouts.T0.AddMinutes(10), "dave"), (stored.Severity, stored.Owner, stored.ResolvedAt, stored.ResolvedBy));
        Assert.Equal(
            [("opened", "High", "carol"), ("updated", "Critical", "dave"), ("resolved", "Critical", "dave")],
            stored.Updates.Select(u => (u.Kind, u.Severity, u.Owner)));
        Assert.Equal(
            ["incident.opened", "incident.updated", "incident.resolved"],
            audit.Select(e => e.Kind).Where(k => k.StartsWith("incident.", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Append_UnknownIncident_IsRefusedAsNotFound()
    {
        await using var store = await CreateStoreAsync();

        var change = await store.Get<IncidentStore>().AppendAsync(Guid.NewGuid(), new IncidentUpdateDraft("bob", "?"), resolve: true);

        Assert.Equal(IncidentChangeRefusal.NotFound, change.Refusal);
    }

    [Fact]
    public async Task IncidentLogCounts_CountsCriticalIncidentsOpenDuringTheWindowOfThatRolloutOnly()
    {
        var clock = new FakeTimeProvider(StoredRollouts.T0);
        await using var store = await CreateStoreAsync(clock);
        var rollout = await StoredRollouts.CreateAsync(store);
        var other = await StoredRollouts.CreateAsync(store);
        var incidents = store.Get<IncidentStore>();
        var counts = new IncidentLogCounts(incidents);

        var resolvedEarly = await incidents.OpenAsync(rollout.Id, 0, IncidentSeverity.Critical, "early", "x", "carol", false, "alice");
        clock.Advance(TimeSpan.FromMinutes(1));
        await incidents.AppendAsync(resolvedEarly.Id, new IncidentUpdateDraft("carol", "fixed"), resolve: true);
        clock.Advance(TimeSpan.FromMinutes(9));
        await incidents.OpenAsync(rollout.Id, 0, IncidentSeverity.Critical, "open", "x", "carol", true, "alice");
        await incidents.OpenAsync(rollout.Id, 0, IncidentSeverity.Low, "minor", "x", "carol", false, "alice");
        await incidents.OpenAsync(other.Id, 0, IncidentSeverity.Critical, "elsewhere", "x", "carol", false, "alice");
        var id = rollout.Id.ToString();

        Assert.Equal(2, await counts.CountAsync(id, MetricKeys.CriticalIncidents, StoredRollouts.T0, StoredRollouts.T0.AddMinutes(15)));
        Assert.Equal(1, await counts.CountAsync(id, MetricKeys.CriticalIncidents, StoredRollouts.T0.AddMinutes(5), StoredRollouts.T0.AddMinutes(15)));
        Assert.Equal(0, await counts.CountAsync(id, MetricKeys.CriticalIncidents, StoredRollouts.T0.AddMinutes(5), StoredRollouts.T0.AddMinutes(10)));
        Assert.Equal(1, await counts.CountAsync(id, MetricKeys.DataLossEvents, StoredRollouts.T0, StoredRollouts.T0.AddMinutes(15)));
        Assert.Equal(0, await counts.CountAsync(Guid.NewGuid().ToString(), MetricKeys.CriticalIncidents, StoredRollouts.T0, StoredRollouts.T0.AddMinutes(15)));
        Assert.Null(await counts.CountAsync("not-a-rollout-id", MetricKeys.CriticalIncidents, StoredRollouts.T0, StoredRollouts.T0.AddMinutes(15)));
    }
}

public sealed class IncidentStoreOnSqliteTests() : IncidentStoreTests(null);

[Collection(PostgresCollection.Name)]
public sealed class IncidentStoreOnPostgreSqlTests(PostgresServerFixture postgres) : IncidentStoreTests(postgres);
