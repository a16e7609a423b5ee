using Dashboard.Core.Metrics;
using Dashboard.Core.Statistics;

namespace Dashboard.Core.Checkpoints;

/// <summary>
/// The statistical comparison inside a checkpoint (docs/checkpoints.md): every criterion measured
/// in InfluxDB gives its per-interval samples of canary and baseline to the <see cref="CanaryJudge"/>,
/// once per metric, equal weights, none critical. The harmful direction follows the criterion's
/// comparator: a "&lt;" criterion is lower-is-better, so an increase hurts. Counts from the incident
/// log have no samples and no baseline, so they are left out.
/// </summary>
public static class CheckpointComparison
{
    /// <summary>
    /// The judgement of <paramref name="criteria"/>, or null when none has per-interval samples to
    /// compare (e.g. only incident counts). A criterion whose window was empty is still compared, and
    /// is NoData there: too few samples never pass.
    /// </summary>
    public static CanaryJudgement? Of(IReadOnlyList<CriterionEvaluation> criteria, CanaryJudge judge)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        ArgumentNullException.ThrowIfNull(judge);
        var metrics = criteria
            .Where(IsMeasured)
            .DistinctBy(criterion => criterion.Metric, StringComparer.Ordinal)
            .Select(criterion => new MetricSamples(
                criterion.Metric, criterion.CanarySamples, criterion.BaselineSamples, HarmfulDirectionOf(criterion.Metric)))
            .ToList();
        return metrics.Count == 0 ? null : judge.Judge(metrics);
    }

    /// <summary>A lower-is-better metric (<see cref="MetricCatalog"/>) is hurt by an increase; the others by a decrease.</summary>
    public static HarmfulDirection HarmfulDirectionOf(string metricKey) =>
        MetricCatalog.Get(metricKey).Better == MetricDirection.HigherIsBetter ? HarmfulDirection.Decrease : HarmfulDirection.Increase;

    // InfluxDB criteria carry their query even when the window was empty; counts carry neither.
    private static bool IsMeasured(CriterionEvaluation criterion) => criterion.Query is not null || criterion.Samples.Count > 0;
}
