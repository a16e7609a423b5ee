namespace Dashboard.Core.Audit;

/// <summary>
/// The result of checking a chain: intact, or the first sequence number where it breaks and why.
/// <see cref="HeadHash"/> is the last hash of an intact chain. <see cref="CheckpointSequence"/> is the head
/// named by the newest signed checkpoint the chain was checked against (null when there was none to check).
/// </summary>
public sealed record AuditVerification(bool IsIntact, int Checked, long? BrokenAtSequence, string? Problem, string? HeadHash, long? CheckpointSequence = null)
{
    public static AuditVerification Intact(int count, string headHash, long? checkpointSequence = null) =>
        new(true, count, null, null, headHash, checkpointSequence);

    public static AuditVerification Broken(int checkedBefore, long sequence, string problem) => new(false, checkedBefore, sequence, problem, null);

    /// <summary>The checkpoint to compare with is missing, unreadable or not signed: no record can be named.</summary>
    public static AuditVerification Unanchored(int checkedCount, string problem) => new(false, checkedCount, null, problem, null);
}
