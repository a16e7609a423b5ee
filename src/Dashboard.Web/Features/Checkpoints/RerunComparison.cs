using Dashboard.Core.Checkpoints;

namespace Dashboard.Web.Features.Checkpoints;

/// <summary>Lines a re-run's criteria up with the stored ones, by metric, in the stored order.</summary>
public static class RerunComparison
{
    public static IReadOnlyList<CriterionChange> Between(CheckpointEvaluation stored, CheckpointEvaluation fresh)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(fresh);
        var metrics = stored.Criteria.Select(c => c.Metric).Concat(fresh.Criteria.Select(c => c.Metric)).Distinct();
        return [.. metrics.Select(metric =>
        {
            var then = stored.Criteria.FirstOrDefault(c => c.Metric == metric);
            var now = fresh.Criteria.FirstOrDefault(c => c.Metric == metric);
            return new CriterionChange(
                metric,
                then?.CumulativeValue,
                now?.CumulativeValue,
                then?.LastIntervalValue,
                now?.LastIntervalValue,
                then?.Verdict,
                now?.Verdict,
                then is null ? 0 : WithData(then),
                now is null ? 0 : WithData(now));
        })];
    }

    private static int WithData(CriterionEvaluation criterion) =>
        criterion.Samples.Count(sample => sample.Canary is not null || sample.Baseline is not null);
}
