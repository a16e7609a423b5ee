using System.Text.Json;
using Dashboard.Core.Audit;
using Dashboard.Core.Plans;
using Dashboard.Core.Rollouts;
using Dashboard.Core.Rollouts.Events;

namespace Dashboard.Core.Tests.History;

/// <summary>
/// An audit log written as the app writes it: a real <see cref="Rollout"/>'s events under their own kinds and
/// payloads, and the other records (traffic outcomes, sign-offs, incidents) as camelCase JSON like the stores'.
/// </summary>
internal sealed class AuditHistory
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private readonly List<AuditRecord> _records = [];

    public AuditHistory(Guid? id = null, string candidate = "1.5.0")
    {
        var created = Rollout.Create(id ?? Guid.NewGuid(), "analyzer", "1.4.0", candidate, BuiltInPlans.ThreePhase, "alice", "release", T0);
        Rollout = created.Rollout!;
        Add(created.Events);
    }

    public Rollout Rollout { get; }

    public IReadOnlyList<AuditRecord> Records => _records;

    public IReadOnlyDictionary<Guid, RolloutPlan> Plans => new Dictionary<Guid, RolloutPlan> { [Rollout.Id] = Rollout.Plan };

    /// <summary>Applies a command to the rollout and audits its events.</summary>
    public AuditHistory Do(Func<Rollout, RolloutResult> command)
    {
        var result = command(Rollout);
        Assert.True(result.Succeeded, result.Rejection?.ToString());
        Add(result.Events);
        return this;
    }

    public AuditHistory Record(DateTimeOffset at, string kind, object payload, string actor = "bob")
    {
        _records.Add(new AuditRecord(_records.Count + 1, at, actor, kind, Rollout.Id, JsonSerializer.Serialize(payload, Web)));
        return this;
    }

    public AuditHistory Applied(DateTimeOffset at, int from, int to) =>
        Record(at, "traffic.changeApplied", new { changeId = Guid.NewGuid(), phaseIndex = Rollout.CurrentPhaseIndex, fromPercent = from, toPercent = to, readBackPercent = to, settledAt = at });

    private void Add(IEnumerable<RolloutEvent> events)
    {
        foreach (var e in events)
        {
            _records.Add(new AuditRecord(_records.Count + 1, e.At, e.Actor, e.Kind, e.RolloutId, RolloutEventJson.Serialize(e)));
        }
    }
}
