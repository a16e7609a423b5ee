namespace Dashboard.Core.Audit;

/// <summary>
/// One entry of the append-only audit log: what happened (<see cref="Kind"/>, e.g.
/// "traffic.changeRequested"), when, by whom, to which rollout, and the details as JSON. The
/// payload is hashed as the exact string stored, so a store must keep it byte for byte.
/// </summary>
public sealed record AuditRecord(long Sequence, DateTimeOffset At, string Actor, string Kind, Guid? RolloutId, string PayloadJson);
