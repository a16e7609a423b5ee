using Dashboard.Core.Checkpoints;
using Dashboard.Core.Metrics;
using Dashboard.Core.Plans;
using Dashboard.Core.Rollouts;
using Dashboard.Infrastructure.Persistence;

namespace Dashboard.Web.Features.Rollouts;

/// <summary>
/// Why an auto-advance phase waits for a person instead of advancing by itself (docs/checkpoints.md, "What a
/// verdict does"): its last checkpoint had a WARN. The reason is read from the stored verdict of that checkpoint,
/// so every page, after any restart, says the same as the automation recorded when it chose to wait.
/// </summary>
public sealed class WaitingForPerson(RolloutStore rollouts, CheckpointVerdictStore verdicts)
{
    /// <summary>
    /// The reason, for a rollout whose current phase has an auto-advance gate and awaits a person; null for any
    /// other rollout (a sign-off gate says who it waits for itself) and for an unknown one.
    /// </summary>
    public async Task<string?> FindReasonAsync(Guid rolloutId, CancellationToken cancellationToken = default)
    {
        if (await rollouts.LoadAsync(rolloutId, cancellationToken) is not { CurrentState: PhaseState.AwaitingSignOff } rollout
            || rollout.CurrentPhase.Gate.Kind != GateKind.AutoAdvance
            || rollout.CurrentProgress.StartedAt is not { } runStartedAt)
        {
            return null;
        }

        var phase = rollout.CurrentPhase;
        var last = phase.Checkpoints[^1];
        var stored = (await verdicts.ListAsync(rolloutId, cancellationToken)).FirstOrDefault(v =>
            v.PhaseIndex == rollout.CurrentPhaseIndex && v.PhaseStartedAt == runStartedAt && v.CheckpointOffsetSeconds == (long)last.TotalSeconds);
        if (stored is not null && CheckpointVerdictStore.Read(stored) is var evaluation
            && CheckpointFollowUps.Decide(phase, last, evaluation.OverallVerdict) == CheckpointFollowUp.WaitForPerson)
        {
            return Describe(phase, evaluation);
        }

        // Someone asked for a decision through the API before the last checkpoint: the audit trail has who and why.
        return $"Waiting for a person: phase '{phase.Name}' was asked to wait before its last checkpoint, so it does not advance by itself. The audit trail says who asked and why.";
    }

    /// <summary>
    /// "Waiting for a person: the last checkpoint (4h) of phase 'ramp' had WARN on error rate 0.42 % (threshold &lt; 0.5 %). …"
    /// — every gating criterion that warned, with its value over the phase and its threshold.
    /// </summary>
    public static string Describe(PlanPhase phase, CheckpointEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(phase);
        ArgumentNullException.ThrowIfNull(evaluation);
        var warned = CheckpointFollowUps.Warnings(evaluation).Select(criterion =>
            $"{Lower(MetricCatalog.LabelOf(criterion.Metric))} {MetricCatalog.Get(criterion.Metric).Text(criterion.CumulativeValue)} "
            + $"(threshold {MetricCatalog.Get(criterion.Metric).Threshold(criterion.Comparator, criterion.Threshold)})");
        return $"Waiting for a person: the last checkpoint ({PlanDuration.Format(evaluation.CheckpointOffset)}) of phase '{phase.Name}' "
            + $"had WARN on {string.Join(", ", warned)}. Its gate advances by itself only when every criterion passes.";
    }

    // "Error rate" reads "error rate" mid-sentence; "P99 latency" keeps its capital.
    private static string Lower(string label) =>
        label.Length > 1 && char.IsUpper(label[0]) && char.IsLower(label[1]) ? char.ToLowerInvariant(label[0]) + label[1..] : label;
}
