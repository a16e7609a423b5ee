using Dashboard.Core.History;
using Dashboard.Infrastructure.Persistence.Audit;
using Dashboard.Web.Features.Guardrails;

namespace Dashboard.Web.Features.ShiftReview;

/// <summary>
/// One timeline entry per near-miss, not one per record: a streak's records (one per count it reached) fold
/// into its highest count, and a blind period that ended inside the window is shown by its end, which carries
/// its length — its start is dropped. A blind period still running at the window's end shows its start.
/// </summary>
internal static class NearMissFolding
{
    public static IEnumerable<AuditEventRecord> Fold(IReadOnlyList<AuditEventRecord> inOrder)
    {
        var payloads = inOrder
            .Where(e => e.Kind is GuardrailAuditKinds.StreakGrew or GuardrailAuditKinds.BlindEnded)
            .ToDictionary(e => e.Sequence, e => AuditPayload.Parse(e.PayloadJson));
        var streakTops = inOrder
            .Where(e => e.Kind == GuardrailAuditKinds.StreakGrew)
            .GroupBy(e => (e.RolloutId, Rule: payloads[e.Sequence].Text("rule"), Since: payloads[e.Sequence].Text("since")))
            .Select(g => g.MaxBy(e => payloads[e.Sequence].Int("count") ?? 0)!.Sequence)
            .ToHashSet();
        var endedBlinds = inOrder
            .Where(e => e.Kind == GuardrailAuditKinds.BlindEnded)
            .Select(e => (e.RolloutId, Since: payloads[e.Sequence].Time("since")))
            .ToHashSet();
        return inOrder.Where(e => e.Kind switch
        {
            GuardrailAuditKinds.StreakGrew => streakTops.Contains(e.Sequence),
            GuardrailAuditKinds.BlindStarted => !endedBlinds.Contains((e.RolloutId, AuditPayload.Parse(e.PayloadJson).Time("since"))),
            _ => true,
        });
    }
}
