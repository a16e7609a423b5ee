using Dashboard.Core.Evaluation;
using Dashboard.Core.Metrics;
using Dashboard.Core.Plans;
using Dashboard.Core.Rollouts;
using Dashboard.Web.Features.LiveMetrics.Components;
using Dashboard.Web.Shared.Components;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.Rollouts.Components;

/// <summary>
/// The current phase's pass criteria against the live canary values of the shared poller, and its auto-rollback triggers
/// as the guardrails judge them (<see cref="TriggerDecision"/>), with the snapshot's value beside them as context only.
/// Stale or missing data is shown as NO DATA, never as a pass; once the rollout has ended no value is judged at all;
/// the verdicts that count are the ones persisted at checkpoints.
/// </summary>
public sealed partial class PhaseCriteriaPanel
{
    [Parameter, EditorRequired]
    public required PlanPhase PlanPhase { get; set; }

    /// <summary>Time since the phase started, to tell which criteria apply yet; null before it started.</summary>
    [Parameter]
    public TimeSpan? Elapsed { get; set; }

    [Parameter, EditorRequired]
    public required LiveDashboardView Live { get; set; }

    /// <summary>The rollout; once it is rolled back, aborted or completed no live value reads as a pass.</summary>
    [Parameter]
    public RolloutView? Rollout { get; set; }

    /// <summary>"rolled back", "aborted", "completed" for an ended rollout; null while it can still change.</summary>
    private string? EndedAs => Rollout?.Status is RolloutStatus.RolledBack or RolloutStatus.Aborted or RolloutStatus.Completed
        ? Vocabulary.State(Rollout.Status)
        : null;

    /// <summary>
    /// What the guardrails decided about the phase's auto-rollback trigger at an index, as the page composes it (Rollouts
    /// must not depend on Guardrails, which depends on Rollouts): the trigger rows show that decision, one truth with the
    /// guardrail panel, rather than judging the snapshot a second time.
    /// </summary>
    [Parameter, EditorRequired]
    public required RenderFragment<int> TriggerDecision { get; set; }

    private IEnumerable<CriterionRow> Rows => PlanPhase.Criteria.Select(Row);

    private double? LiveValue(string metric) =>
        Live.State.Snapshot is { } snapshot ? MetricCatalog.Get(metric).SnapshotValue(snapshot) : null;

    // Context only: a stale snapshot's old value is not shown as if current.
    private string SnapshotText(string metric) => Live.Freshness.IsStale ? "stale" : MetricCatalog.Get(metric).Text(LiveValue(metric));

    // The same value and verdict as the tiles on / and /warroom (MetricTileGrid), so every screen agrees.
    private CriterionRow Row(PassCriterion pass)
    {
        var criterion = pass.Criterion;
        var metric = MetricCatalog.Get(pass.Metric);
        var value = LiveValue(pass.Metric);
        var verdict = LiveVerdict.Of(criterion, value, Live.Freshness.IsStale);
        string? note = null;
        if (!metric.InSnapshot)
        {
            note = "not in the live metrics; judged at checkpoints";
        }
        else if (pass.FromCheckpoint is { } from && (Elapsed is not { } elapsed || elapsed < from))
        {
            note = $"applies from the {PlanDuration.Format(from)} checkpoint";
        }

        return new CriterionRow(
            pass.Metric,
            metric.Threshold(criterion.Comparator, criterion.Threshold),
            metric.Text(value),
            verdict,
            note);
    }

    private sealed record CriterionRow(string Metric, string Condition, string ValueText, Verdict Verdict, string? Note);
}
