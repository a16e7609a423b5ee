using System.Globalization;
using Dashboard.Core.Metrics;
using Dashboard.Core.Checkpoints;
using Dashboard.Core.Evaluation;
using Dashboard.Core.Plans;
using Dashboard.Core.Rollouts;
using Dashboard.Web.Features.Notifications;
using Dashboard.Web.Shared.Components;

namespace Dashboard.Web.Features.Checkpoints;

/// <summary>
/// Posts a persisted checkpoint verdict to the team's chat when it is FAIL, WARN or NO_DATA — a
/// checkpoint nobody could judge matters at 3 a.m. as much as one that failed. The de-duplication key
/// names the verdict (rollout, phase run, checkpoint), so one verdict notifies once even if it were
/// handed over twice; the link opens the checkpoint's page. A PASS is not news.
/// </summary>
public sealed class CheckpointVerdictNotifications(NotificationQueue queue)
{
    /// <summary>Queues the message for <paramref name="evaluation"/>; false when it is a PASS, notifications are off or the queue is full.</summary>
    public bool Notify(Rollout rollout, CheckpointEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        ArgumentNullException.ThrowIfNull(evaluation);
        return For(rollout, evaluation) is { } notification && queue.Enqueue(notification);
    }

    /// <summary>The message for <paramref name="evaluation"/>, or null for a PASS.</summary>
    public static Notification? For(Rollout rollout, CheckpointEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        ArgumentNullException.ThrowIfNull(evaluation);
        var severity = evaluation.OverallVerdict switch
        {
            Verdict.Fail or Verdict.NoData => NotificationSeverity.Critical,
            Verdict.Warn => NotificationSeverity.Warning,
            _ => (NotificationSeverity?)null,
        };
        if (severity is null)
        {
            return null;
        }

        var offsetSeconds = (long)evaluation.CheckpointOffset.TotalSeconds;
        var checkpoint = PlanDuration.Format(evaluation.CheckpointOffset);
        var verdict = VerdictPresentation.Label(evaluation.OverallVerdict);
        var notPassing = evaluation.Criteria
            .Where(c => c.Verdict != Verdict.Pass)
            .Select(c => $"{MetricCatalog.LabelOf(c.Metric)} {VerdictPresentation.Label(c.Verdict)}: "
                + (c.NoDataReason ?? $"{MetricCatalog.Get(c.Metric).Text(c.CumulativeValue)} (threshold {MetricCatalog.Get(c.Metric).Threshold(c.Comparator, c.Threshold)})"));
        return new Notification(
            string.Create(CultureInfo.InvariantCulture, $"{rollout.Id}:checkpoint:{evaluation.PhaseIndex}:{evaluation.Window.PhaseStart.ToUnixTimeMilliseconds()}:{offsetSeconds}"),
            severity.Value,
            $"{rollout.Service} {rollout.CandidateVersion}: checkpoint {checkpoint} of phase {evaluation.PhaseName} is {verdict}",
            $"{string.Join("\n", notPassing)}\nSuggested: {evaluation.SuggestedDecision} — {evaluation.DecisionReason}",
            [new("Phase", evaluation.PhaseName), new("Checkpoint", checkpoint), new("Verdict", verdict), new("Suggested decision", evaluation.SuggestedDecision.ToString())],
            rollout.Id,
            evaluation.EvaluatedAt,
            CheckpointRoutes.Page(rollout.Id, evaluation.PhaseIndex, offsetSeconds));
    }
}
