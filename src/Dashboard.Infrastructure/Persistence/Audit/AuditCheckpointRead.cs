using Dashboard.Core.Audit;

namespace Dashboard.Infrastructure.Persistence.Audit;

/// <summary>The newest line of the checkpoint file: a checkpoint (signature not yet checked), nothing yet, or why it cannot be read.</summary>
public sealed record AuditCheckpointRead(AuditCheckpoint? Checkpoint, string? Problem);
