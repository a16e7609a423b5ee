namespace Dashboard.Web.Features.ShiftReview;

/// <summary>A monitor-closely window still running: from a guardrail contingency (with its end) or a person's decision (until the phase ends).</summary>
public sealed record MonitorWindow(Guid RolloutId, string Rollout, string Why, DateTimeOffset Since, DateTimeOffset? Until, string Href);
