using Dashboard.Core.Audit;
using Dashboard.Core.Plans;

namespace Dashboard.Core.History;

/// <summary>
/// The one place the state of the rollouts at a past moment is rebuilt: every audit event stamped at or
/// before that moment, applied in sequence order (docs/board-history.md). Pure; the caller reads the log once.
/// </summary>
public static class BoardStateRebuild
{
    /// <summary>The audit kinds a rebuild reads; a caller may read only these from the log.</summary>
    public static IReadOnlyCollection<string> AuditKinds { get; } =
    [
        "rollout.created", "rollout.started", "phase.advanced", "phase.held", "phase.resumed", "phase.retried", "phase.signOffRequested",
        "phase.passed", "rollout.rolledBack", "rollout.aborted", "rollout.completed", "traffic.changeRequested", "traffic.changeApplied",
        "signOff.recorded", "checklist.itemTicked", "checklist.itemUnticked", "incident.opened", "incident.updated", "incident.resolved",
    ];

    /// <summary>
    /// Each rollout created at or before <paramref name="at"/> as it stood then. A rollout whose plan is not in
    /// <paramref name="plans"/> (its record is gone) is left out rather than guessed.
    /// </summary>
    /// <param name="events">Audit events in any order; events of other rollouts and kinds are ignored.</param>
    /// <param name="plans">Each rollout's plan, as stored with the rollout.</param>
    /// <param name="at">The moment to rebuild.</param>
    public static IReadOnlyList<RolloutStateAt> Rebuild(IEnumerable<AuditRecord> events, IReadOnlyDictionary<Guid, RolloutPlan> plans, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(plans);
        var replays = new Dictionary<Guid, RolloutReplay>();
        foreach (var record in events.Where(e => e.At <= at && e.RolloutId is not null).OrderBy(e => e.Sequence))
        {
            var id = record.RolloutId!.Value;
            if (record.Kind == "rollout.created" && plans.TryGetValue(id, out var plan))
            {
                replays[id] = AuditPayload.Read(record.PayloadJson, payload =>
                    new RolloutReplay(id, plan, payload.Text("service") ?? "?", payload.Text("candidateVersion") ?? "?", record.At));
            }
            else if (replays.TryGetValue(id, out var replay))
            {
                replay.Apply(record);
            }
        }

        return [.. replays.Values.Select(replay => replay.State())];
    }

    /// <summary>
    /// The rollout a board at that moment follows, as the live board picks it: the one asked for when it was
    /// running then, else the most recently started running one; null when none was running.
    /// </summary>
    public static RolloutStateAt? Followed(IReadOnlyList<RolloutStateAt> states, Guid? requested)
    {
        ArgumentNullException.ThrowIfNull(states);
        var running = states.Where(state => state.IsRunning).OrderByDescending(state => state.StartedAt).ToList();
        return running.FirstOrDefault(state => state.RolloutId == requested) ?? running.FirstOrDefault();
    }
}
