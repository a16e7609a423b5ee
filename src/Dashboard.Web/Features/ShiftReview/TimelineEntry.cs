namespace Dashboard.Web.Features.ShiftReview;

/// <summary>One thing that happened, as the handoff timeline shows it.</summary>
/// <param name="Sequence">The audit event it comes from (the latest one, for a folded near-miss).</param>
/// <param name="At">When it happened.</param>
/// <param name="RolloutId">The rollout it concerns.</param>
/// <param name="Rollout">The rollout in words, e.g. "analyzer 1.5.0".</param>
/// <param name="Kind">What it is about.</param>
/// <param name="KindText">The kind in words.</param>
/// <param name="Text">One line in people's words (metric names, not keys).</param>
/// <param name="Actor">Who did it, e.g. "alice" or "automation (guardrails)".</param>
/// <param name="Href">Its page: the checkpoint, the health checks, or the audit entry on the rollout page.</param>
/// <param name="BoardHref">The board as it was just after it: <c>/?at=…</c>.</param>
/// <param name="IsNearMiss">A WARN verdict, a streak that did not act, or a blind period.</param>
/// <param name="Gravity">How bad it was, 0 (routine) to 100 (a rollback); the summary's worst moment is the gravest.</param>
public sealed record TimelineEntry(
    long Sequence,
    DateTimeOffset At,
    Guid? RolloutId,
    string Rollout,
    TimelineKind Kind,
    string KindText,
    string Text,
    string Actor,
    string Href,
    string BoardHref,
    bool IsNearMiss,
    int Gravity);
