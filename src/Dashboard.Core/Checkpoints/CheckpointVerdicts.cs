using Dashboard.Core.Evaluation;

namespace Dashboard.Core.Checkpoints;

/// <summary>
/// The overall verdict of a checkpoint: the worst of its criteria, ranked
/// FAIL &gt; NO_DATA &gt; WARN &gt; PASS. NO_DATA ranks above WARN because a value nobody saw
/// might be a failure — it is never a pass, and a warning is at least a measured pass. A
/// checkpoint without any criterion is NO_DATA: nothing was shown to be fine. Overall NO_DATA means
/// "inconclusive, pause for a person"; FAIL means failed.
/// </summary>
public static class CheckpointVerdicts
{
    /// <summary>
    /// The overall verdict of the criteria that gate: dry runs are left out, so a checkpoint of
    /// dry runs only is NO_DATA, never a pass.
    /// </summary>
    public static Verdict Overall(IEnumerable<CriterionEvaluation> criteria)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        return Overall(criteria.Where(criterion => !criterion.DryRun).Select(criterion => criterion.Verdict));
    }

    public static Verdict Overall(IEnumerable<Verdict> verdicts)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        var all = verdicts.ToList();
        return all.Count == 0 ? Verdict.NoData : all.MaxBy(Severity);
    }

    /// <summary>Rank of a verdict: higher is worse.</summary>
    public static int Severity(Verdict verdict) => verdict switch
    {
        Verdict.Pass => 0,
        Verdict.Warn => 1,
        Verdict.NoData => 2,
        Verdict.Fail => 3,
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, "Unknown verdict."),
    };
}
