namespace Dashboard.Core.Evaluation;

/// <summary>
/// The verdict of a live value against a criterion, for every screen alike (tiles, tables, the
/// rollout page's criteria panel): stale data is NO DATA, never the verdict of an old number.
/// </summary>
public static class LiveVerdict
{
    public static Verdict Of(Criterion criterion, double? value, bool isStale)
    {
        ArgumentNullException.ThrowIfNull(criterion);
        return isStale ? Verdict.NoData : criterion.Evaluate(value);
    }
}
