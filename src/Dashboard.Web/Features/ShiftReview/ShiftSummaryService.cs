using Dashboard.Core.Evaluation;
using Dashboard.Core.Incidents;
using Dashboard.Infrastructure.Persistence.Audit;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Features.Shifts;

namespace Dashboard.Web.Features.ShiftReview;

/// <summary>
/// The summary of a window (docs/shift-review.md): each rollout at the window's start and end rebuilt from the
/// audit log, the counts, and the worst moment. One read of the window plus four one-row-per-rollout reads.
/// </summary>
public sealed class ShiftSummaryService(AuditWindowQuery audit, ShiftTimelineService timeline, RolloutStateRebuilder states)
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
        var atStart = await states.AtAsync(from, cancellationToken);
        var atEnd = await states.AtAsync(to, cancellationToken);
        var entries = ShiftTimelineService.Entries(recorded, names).ToList();
        var touched = recorded.Where(e => e.RolloutId is not null).Select(e => e.RolloutId!.Value).ToHashSet();
        var rollouts = atEnd
            .Where(r => touched.Contains(r.Key) || (atStart.TryGetValue(r.Key, out var start) && !start.IsFinished))
            .Select(r => new RolloutShiftState(r.Key, names.GetValueOrDefault(r.Key, "unknown rollout"), atStart.GetValueOrDefault(r.Key), r.Value))
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
                + recorded.Count(e => e.Kind == "traffic.changeRequested" && e.Actor == AutomationActors.Guardrails.Name && new AuditPayload(e.PayloadJson).Int("toPercent") > 0),
            entries.Count(e => e.IsNearMiss),
            entries.Where(e => e.Gravity > 0).OrderByDescending(e => e.Gravity).ThenBy(e => e.Sequence).FirstOrDefault());
    }

    // Every member is listed, zero included, so a reader sees "0 FAIL" rather than wondering.
    private static Dictionary<TEnum, int> Count<TEnum>(IEnumerable<AuditEventRecord> events, string field)
        where TEnum : struct, Enum
    {
        var counts = Enum.GetValues<TEnum>().ToDictionary(v => v, _ => 0);
        foreach (var e in events)
        {
            if (Enum.TryParse<TEnum>(new AuditPayload(e.PayloadJson).Text(field), ignoreCase: true, out var value) && counts.TryGetValue(value, out var count))
            {
                counts[value] = count + 1;
            }
        }

        return counts;
    }
}
