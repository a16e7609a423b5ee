namespace Dashboard.Web.Features.ShiftReview;

/// <summary>
/// What the incoming shift must watch (docs/shift-review.md, "Watch next"), read at <see cref="At"/> for the next shift
/// [<see cref="NextFrom"/>, <see cref="NextTo"/>).
/// </summary>
public sealed record WatchNext(
    DateTimeOffset At,
    DateTimeOffset NextFrom,
    DateTimeOffset NextTo,
    IReadOnlyList<DueCheckpoint> Checkpoints,
    IReadOnlyList<PendingSignOff> SignOffs,
    IReadOnlyList<WatchIncident> Incidents,
    IReadOnlyList<MonitorWindow> MonitorClosely,
    IReadOnlyList<OpenActionItem> ActionItems,
    IReadOnlyList<GuardrailWatch> Guardrails)
{
    public bool IsEmpty => Checkpoints.Count + SignOffs.Count + Incidents.Count + MonitorClosely.Count + ActionItems.Count + Guardrails.Count == 0;
}
