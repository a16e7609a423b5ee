using Dashboard.Core.Audit;

namespace Dashboard.Infrastructure.Persistence.Audit;

/// <summary>
/// One event of the append-only audit log. <see cref="Hash"/> covers every other column and the
/// previous event's hash, so editing, removing or reordering a stored event breaks the chain.
/// </summary>
public sealed class AuditEventRecord
{
    /// <summary>1, 2, 3, … without gaps; the primary key.</summary>
    public long Sequence { get; set; }

    public DateTimeOffset At { get; set; }

    public required string Actor { get; set; }

    public required string Kind { get; set; }

    public Guid? RolloutId { get; set; }

    public required string PayloadJson { get; set; }

    public required string PreviousHash { get; set; }

    public required string Hash { get; set; }

    /// <summary>
    /// The id of the key <see cref="Hash"/> was made with (HMAC-SHA256); null for events chained before the chain
    /// was keyed, which verify with plain SHA-256. The first keyed event marks where the keyed chain starts.
    /// </summary>
    public string? KeyId { get; set; }

    /// <summary>The event as Core's chain sees it.</summary>
    public AuditEntry ToEntry() => new(new AuditRecord(Sequence, At, Actor, Kind, RolloutId, PayloadJson), Hash, KeyId);
}
