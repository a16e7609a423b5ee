using Dashboard.Core.Evaluation;

namespace Dashboard.Core.Plans;

/// <summary>
/// A pass criterion of a phase. Most apply at every checkpoint; one with
/// <see cref="FromCheckpoint"/> applies only from that checkpoint on (the rollout phase checks
/// memory and cache efficiency from 2 h).
/// </summary>
public sealed record PassCriterion(Criterion Criterion, TimeSpan? FromCheckpoint = null)
{
    public string Metric => Criterion.Metric;

    /// <summary>True when the criterion is checked at the checkpoint <paramref name="offset"/> after phase start.</summary>
    public bool AppliesAt(TimeSpan offset) => FromCheckpoint is not { } from || offset >= from;

    public static PassCriterion Of(string metric, Comparator comparator, double threshold, double warnMargin, TimeSpan? fromCheckpoint = null) =>
        new(new Criterion(metric, comparator, threshold, warnMargin), fromCheckpoint);
}
