using Dashboard.Core.Checkpoints;
using Dashboard.Core.Evaluation;
using Dashboard.Core.Metrics;
using Dashboard.Core.Plans;
using Dashboard.Infrastructure.Checkpoints;
using Dashboard.Web.Features.Rollouts;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Summaries;

/// <summary>
/// Judges a phase's criteria over [phase start, period end) with the checkpoint evaluator — the same queries,
/// thresholds, options and NO DATA rules as a checkpoint at that moment — and reads the revenue impact beside
/// them: judged when the plan judges it, else measured as a dry run that never gates. It asks as the phase run's
/// checkpoints do (same rollout id, phase index and phase start), so the evaluator reuses the settled sums they
/// stored and reads only the minutes after them (docs/checkpoints.md, "Reusing settled sums").
/// </summary>
public sealed class SummaryCriteriaReader(CheckpointEvaluator evaluator, IIncidentCounts incidents, IOptions<RolloutClockOptions> clock)
{
    public const string NoTimeReason = "The phase ended as it started: there was no time to measure.";

    public async Task<SummaryMeasurements> ReadAsync(
        Guid rolloutId, int phaseIndex, PlanPhase phase, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(phase);
        var planned = (end - start) * clock.Value.TimeScale;
        var judgesRevenue = phase.CriteriaAt(planned).Any(c => c.Metric == MetricKeys.RevenueImpactPct);
        var measured = judgesRevenue ? phase : phase with { Criteria = [.. phase.Criteria, RevenueProbe] };
        if (end <= start)
        {
            var none = measured.CriteriaAt(planned).Select(c => Unmeasured(c, judgesRevenue)).ToList();
            return Split(none, Verdict.NoData);
        }

        var request = new CheckpointEvaluationRequest(
            rolloutId.ToString(), phaseIndex, measured, planned, new CheckpointWindow(start, end, start), Incidents: incidents);
        var evaluation = await evaluator.EvaluateAsync(request, cancellationToken);
        var criteria = evaluation.Criteria.Select(c => From(c, isProbe: !judgesRevenue && c.Metric == MetricKeys.RevenueImpactPct)).ToList();
        return Split(criteria, evaluation.OverallVerdict);
    }

    private static PassCriterion RevenueProbe { get; } =
        PassCriterion.Of(MetricKeys.RevenueImpactPct, Comparator.GreaterThanOrEqual, 0, 0) with { DryRun = true };

    private static SummaryMeasurements Split(List<(string Key, SummaryCriterion Criterion)> criteria, Verdict overall) => new(
        [.. criteria.Where(c => c.Key != MetricKeys.RevenueImpactPct || c.Criterion.Judged).Select(c => c.Criterion)],
        criteria.Single(c => c.Key == MetricKeys.RevenueImpactPct).Criterion,
        overall);

    // The revenue probe is measured, not judged: it shows no threshold and no verdict.
    private static (string, SummaryCriterion) From(CriterionEvaluation evaluation, bool isProbe)
    {
        var metric = MetricCatalog.Get(evaluation.Metric);
        return (evaluation.Metric, new SummaryCriterion(
            metric.Label,
            isProbe ? string.Empty : metric.Threshold(evaluation.Comparator, evaluation.Threshold),
            evaluation.CumulativeValue is { } value ? metric.Text(value) : MetricDefinition.NoData,
            evaluation.CumulativeValue,
            isProbe ? null : evaluation.Verdict,
            !evaluation.DryRun,
            evaluation.NoDataReason));
    }

    private static (string, SummaryCriterion) Unmeasured(PassCriterion criterion, bool judgesRevenue)
    {
        var metric = MetricCatalog.Get(criterion.Metric);
        var isProbe = !judgesRevenue && criterion.Metric == MetricKeys.RevenueImpactPct;
        return (criterion.Metric, new SummaryCriterion(
            metric.Label,
            isProbe ? string.Empty : metric.Threshold(criterion.Criterion.Comparator, criterion.Criterion.Threshold),
            MetricDefinition.NoData,
            null,
            isProbe ? null : Verdict.NoData,
            !criterion.DryRun,
            NoTimeReason));
    }
}
