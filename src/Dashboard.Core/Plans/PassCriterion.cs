using Dashboard.Core.Evaluation;

namespace Dashboard.Core.Plans;

/// <summary>
/// A pass criterion of a phase. Most apply at every checkpoint; one with
/// <see cref="FromCheckpoint"/> applies only from that checkpoint on (the rollout phase checks
/// memory and cache efficiency from 2 h). The three options say how the criterion gates its
/// checkpoint (docs/checkpoints.md); their defaults keep the plain rule.
/// </summary>
public sealed record PassCriterion(Criterion Criterion, TimeSpan? FromCheckpoint = null)
{
    public string Metric => Criterion.Metric;

    /// <summary>NO_DATA is a FAIL instead of an inconclusive result: missing data is itself the problem.</summary>
    public bool MustHaveData { get; init; }

    /// <summary>Evaluated and shown, but left out of the overall verdict and the decision: to try a new rule safely.</summary>
    public bool DryRun { get; init; }

    /// <summary>What an inconclusive (NO_DATA) result does when <see cref="MustHaveData"/> is off.</summary>
    public InconclusiveAction OnInconclusive { get; init; }

    /// <summary>True when the criterion is checked at the checkpoint <paramref name="offset"/> after phase start.</summary>
    public bool AppliesAt(TimeSpan offset) => FromCheckpoint is not { } from || offset >= from;

    public static PassCriterion Of(string metric, Comparator comparator, double threshold, double warnMargin, TimeSpan? fromCheckpoint = null) =>
        new(new Criterion(metric, comparator, threshold, warnMargin), fromCheckpoint);
}
