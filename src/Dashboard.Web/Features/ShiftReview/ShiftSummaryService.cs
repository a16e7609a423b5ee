using Dashboard.Core.Audit;
using Dashboard.Core.Evaluation;
using Dashboard.Core.History;
using Dashboard.Core.Incidents;
using Dashboard.Core.Rollouts;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Infrastructure.Persistence.Audit;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Features.Shifts;

namespace Dashboard.Web.Features.ShiftReview;

/// <summary>
/// The summary of a window (docs/shift-review.md): each rollout at the window's start and end rebuilt from the
/// audit log by Core's <see cref="BoardStateRebuild"/>, the counts, and the worst moment. One read of the window, one
/// of the state events before its end (both states are rebuilt from it), one of the rollouts' plans and one of their names.
/// </summary>
public sealed class ShiftSummaryService(AuditWindowQuery audit, ShiftTimelineService timeline, RolloutStore store)
{
    /// <summary>The summary of <paramref name="shift"/>'s window.</summary>
    public Task<ShiftSummary> BuildAsync(ShiftWindow shift, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(shift);
        return BuildAsync(shift.Start, shift.End, cancellationToken);
    }

    public async Task<ShiftSummary> BuildAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        var recorded = await audit.ReadAsync(from, to, TimelineEntryBuilder.AuditKinds, cancellationToken: cancellationToken);
        var names = await timeline.NamesAsync(cancellationToken);
        var (atStart, atEnd) = await StatesAsync(from, to, cancellationToken);
        var entries = ShiftTimelineService.Entries(recorded, names).ToList();
        var touched = recorded.Where(e => e.RolloutId is not null).Select(e => e.RolloutId!.Value).ToHashSet();
        var rollouts = atEnd
            .Where(r => touched.Contains(r.Key) || (atStart.TryGetValue(r.Key, out var start) && !start.IsFinished))
            .Select(r => new RolloutShiftState(
                r.Key, names.GetValueOrDefault(r.Key, "unknown rollout"), atStart.TryGetValue(r.Key, out var start) ? RolloutStateInWords.From(start) : null, RolloutStateInWords.From(r.Value)))
            .OrderBy(r => r.Rollout, StringComparer.Ordinal)
            .ToList();
        return new ShiftSummary(
            from,
            to,
            rollouts,
            recorded.Count(e => e.Kind == "traffic.changeRequested"),
            recorded.Count(e => e.Kind == "traffic.changeFailed"),
            Count<Verdict>(recorded.Where(e => e.Kind is "checkpoint.evaluated" or "checkpoint.reevaluated"), "verdict"),
            Count<IncidentSeverity>(recorded.Where(e => e.Kind == "incident.opened"), "severity"),
            entries.Count(e => e.Kind == TimelineKind.GuardrailAction)
                + recorded.Count(e => e.Kind == "traffic.changeRequested" && e.Actor == AutomationActors.Guardrails.Name && AuditPayload.Read(e.PayloadJson, p => p.Int("toPercent")) > 0),
            entries.Count(e => e.IsNearMiss),
            entries.Where(e => e.Gravity > 0).OrderByDescending(e => e.Gravity).ThenBy(e => e.Sequence).FirstOrDefault());
    }

    // The state at the start is rebuilt from what happened strictly before it: an event at `from` belongs to the window.
    private async Task<(Dictionary<Guid, RolloutStateAt> AtStart, Dictionary<Guid, RolloutStateAt> AtEnd)> StatesAsync(
        DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var history = await audit.ReadAsync(DateTimeOffset.MinValue, to, BoardStateRebuild.AuditKinds, cancellationToken: cancellationToken);
        var plans = (await store.ListAsync(cancellationToken)).ToDictionary(snapshot => snapshot.Id, snapshot => Rollout.FromSnapshot(snapshot).Plan);
        var records = history.Select(e => new AuditRecord(e.Sequence, e.At, e.Actor, e.Kind, e.RolloutId, e.PayloadJson)).ToList();
        return (
            BoardStateRebuild.Rebuild(records.Where(r => r.At < from), plans, from).ToDictionary(s => s.RolloutId),
            BoardStateRebuild.Rebuild(records, plans, to).ToDictionary(s => s.RolloutId));
    }

    // Every member is listed, zero included, so a reader sees "0 FAIL" rather than wondering.
    private static Dictionary<TEnum, int> Count<TEnum>(IEnumerable<AuditEventRecord> events, string field)
        where TEnum : struct, Enum
    {
        var counts = Enum.GetValues<TEnum>().ToDictionary(v => v, _ => 0);
        foreach (var e in events)
        {
            if (AuditPayload.Read(e.PayloadJson, p => p.Enum<TEnum>(field)) is { } value && counts.TryGetValue(value, out var count))
            {
                counts[value] = count + 1;
            }
        }

        return counts;
    }
}
