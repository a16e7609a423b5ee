using Dashboard.Core.Audit;

namespace Dashboard.Infrastructure.Persistence.Audit;

/// <summary>
/// What one round of <see cref="AuditCheckpointWriter"/> did: wrote <see cref="Checkpoint"/>, found the head
/// unchanged since it, or refused to sign because the chain or the previous checkpoint does not verify.
/// </summary>
public sealed record AuditCheckpointOutcome(AuditCheckpoint? Checkpoint, bool Written, string? Problem)
{
    public static AuditCheckpointOutcome WrittenNew(AuditCheckpoint checkpoint) => new(checkpoint, true, null);

    public static AuditCheckpointOutcome Unchanged(AuditCheckpoint checkpoint) => new(checkpoint, false, null);

    public static AuditCheckpointOutcome Refused(string problem) => new(null, false, problem);
}
