namespace Dashboard.Core.Audit;

/// <summary>
/// The result of checking a chain: intact, or the first sequence number where it breaks and why.
/// <see cref="HeadHash"/> is the last hash of an intact chain; kept elsewhere, it also exposes a
/// rewritten tail.
/// </summary>
public sealed record AuditVerification(bool IsIntact, int Checked, long? BrokenAtSequence, string? Problem, string? HeadHash)
{
    public static AuditVerification Intact(int count, string headHash) => new(true, count, null, null, headHash);

    public static AuditVerification Broken(int checkedBefore, long sequence, string problem) => new(false, checkedBefore, sequence, problem, null);
}
