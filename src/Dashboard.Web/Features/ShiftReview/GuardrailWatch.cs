namespace Dashboard.Web.Features.ShiftReview;

/// <summary>
/// A guardrail to watch right now: blind (no data for a trigger) or a rule with a breach streak; <see cref="What"/> says
/// which in words, e.g. "blind: no data for Error rate" or "'Error rate &gt; 1.5 %' breached 2 of 3 polls".
/// </summary>
public sealed record GuardrailWatch(Guid RolloutId, string Rollout, string What, DateTimeOffset? Since);
