using Dashboard.Core.Checkpoints;
using Dashboard.Core.Evaluation;
using Dashboard.Core.Plans;
using Dashboard.Web.Tests.TestSupport;

namespace Dashboard.Web.Tests.Checkpoints;

/// <summary>
/// Checkpoint evaluations of the three-phase plan's canary built by Core itself — criteria judged by
/// <c>CriterionEvaluation.Judge</c>, the overall verdict, the rubric's suggestion and the
/// trends — as the evaluator would produce them, for phase start <see cref="RolloutViews.T0"/>.
/// </summary>
internal static class CheckpointEvaluations
{
    public const string Query = "SELECT sum(\"errors\"), sum(\"count\") FROM \"requests\" WHERE time >= '2026-11-23T12:00:00Z' GROUP BY \"cohort\"";

    /// <summary>
    /// Error rate <paramref name="errorRate"/> % (threshold &lt; 1 %, WARN within 0.2, 3 samples; null: no data) and
    /// <paramref name="incidents"/> critical incidents (must be 0; null: no incident log).
    /// </summary>
    public static CheckpointEvaluation Canary(
        TimeSpan offset, double? errorRate, double? incidents = 0, TimeSpan late = default, CheckpointEvaluation? previous = null)
    {
        var phase = RolloutViews.Plan.Phases[0];
        var window = CheckpointWindow.For(phase, RolloutViews.T0, offset);
        var interval = TimeSpan.FromMinutes(5);
        IntervalSample[] samples = errorRate is { } rate
            ? [new(RolloutViews.T0, rate - 0.1, 0.2), new(RolloutViews.T0 + interval, rate, 0.21), new(RolloutViews.T0 + (2 * interval), null, 0.19)]
            : [];
        CriterionEvaluation[] criteria =
        [
            CriterionEvaluation.Judge(
                new Criterion(MetricKeys.ErrorRatePct, Comparator.LessThan, 1, 0.2), "%", errorRate, errorRate, "no requests in the window", Query, interval, samples),
            CriterionEvaluation.Judge(
                new Criterion(MetricKeys.CriticalIncidents, Comparator.LessThanOrEqual, 0, 0), string.Empty, incidents, incidents, "no incident log is connected", null, interval, []),
        ];
        var overall = CheckpointVerdicts.Overall(criteria.Select(c => c.Verdict));
        var values = criteria.ToDictionary(c => c.Metric, c => c.CumulativeValue);
        var suggestion = CheckpointDecisionRubric.Suggest(phase, overall, m => values.GetValueOrDefault(m), m => values.GetValueOrDefault(m));
        return new CheckpointEvaluation(
            "rollout", 0, phase.Name, offset, window, window.DueAt + late, criteria, overall, suggestion.Decision, suggestion.Reason,
            MetricTrends.Between(previous, criteria));
    }
}
