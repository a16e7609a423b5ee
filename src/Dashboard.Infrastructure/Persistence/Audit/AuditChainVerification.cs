namespace Dashboard.Infrastructure.Persistence.Audit;

/// <summary>
/// The outcome of walking the audit chain from the first event. <see cref="Count"/> is the number of
/// events found intact (all of them when <see cref="Intact"/>); <see cref="HeadHash"/> is the hash of
/// the last intact event, which can be kept elsewhere to detect a truncated tail later.
/// </summary>
public sealed record AuditChainVerification(bool Intact, long Count, long? FirstBrokenSequence, string? Reason, string HeadHash);
