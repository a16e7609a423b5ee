namespace Dashboard.Web.Features.Guardrails;

/// <summary>
/// The audit kinds the guardrails write (docs/shift-review.md, "Near-misses"). Actions taken through the
/// rollout (a rollback, a traffic reduction) are audited as the rollout's own events under the guardrails' name.
/// </summary>
public static class GuardrailAuditKinds
{
    /// <summary>A sustained contingency (monitor closely, log) was recorded.</summary>
    public const string Contingency = "guardrail.contingency";

    /// <summary>
    /// A rule's condition held long enough to act but the guardrails could not (the phase awaits sign-off, the service
    /// refused): carries the reason in words. Written once per streak and reason, never per poll.
    /// </summary>
    public const string Blocked = "guardrail.blocked";

    /// <summary>A rule's breach streak reached a new count below the count that acts: written at most (required − 1) times per streak.</summary>
    public const string StreakGrew = "guardrail.streakGrew";

    /// <summary>An auto-rollback trigger of the rollout lost its data: the guardrails cannot judge it.</summary>
    public const string BlindStarted = "guardrail.blindStarted";

    /// <summary>Every trigger is judged on data again (or the rollout is no longer watched); carries the blind period's length.</summary>
    public const string BlindEnded = "guardrail.blindEnded";
}
