namespace Dashboard.Infrastructure.Persistence.Audit;

/// <summary>
/// What happened, before it is chained: who did it, a kind such as <c>rollout.started</c> or
/// <c>traffic.applied</c>, the rollout it concerns (if any) and a payload serialised as JSON.
/// </summary>
public sealed record AuditEntry(string Actor, string Kind, Guid? RolloutId, object Payload);
