using Dashboard.Core.Checkpoints;
using Dashboard.Core.Evaluation;
using Dashboard.Core.Plans;
using Dashboard.Core.Rollouts;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Features.Rollouts;
using Dashboard.Web.Shared;
using Dashboard.Web.Shared.Components;

namespace Dashboard.Web.Features.Checkpoints;

/// <summary>
/// Acts on a persisted checkpoint verdict as <see cref="CheckpointFollowUps"/> decides, through
/// <see cref="RolloutService"/> under <see cref="AutomationActors.Checkpoints"/>, so every decision — to hold, to
/// advance, to wait for a person or for sign-off — is saved with its reason in the rollout's audit trail.
/// </summary>
public sealed partial class VerdictFollowUp(RolloutService rolloutService, ILogger<VerdictFollowUp> logger)
{
    public async Task ActAsync(Guid rolloutId, PlanPhase phase, TimeSpan offset, CheckpointEvaluation evaluation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(phase);
        ArgumentNullException.ThrowIfNull(evaluation);
        var checkpoint = PlanDuration.Format(offset);
        var verdict = VerdictPresentation.Label(evaluation.OverallVerdict);
        switch (CheckpointFollowUps.Decide(phase, offset, evaluation.OverallVerdict))
        {
            case CheckpointFollowUp.Hold:
                await ExecuteAsync(rolloutId, RolloutAction.Hold, $"Checkpoint {checkpoint} of phase '{phase.Name}' is {verdict}: {evaluation.DecisionReason}", cancellationToken);
                break;
            case CheckpointFollowUp.Advance:
                var passed = evaluation.OverallVerdict == Verdict.Pass
                    ? $"Every criterion of phase '{phase.Name}' passed at its last checkpoint ({checkpoint})."
                    : $"Phase '{phase.Name}' ended with WARN at its last checkpoint ({checkpoint}), and its gate advances on WARN (advanceOnWarn).";
                if (await ExecuteAsync(rolloutId, RolloutAction.MarkPassed, passed, cancellationToken))
                {
                    await ExecuteAsync(rolloutId, RolloutAction.Advance, $"{passed} The phase advances by itself.", cancellationToken);
                }

                break;
            case CheckpointFollowUp.WaitForPerson:
                await ExecuteAsync(rolloutId, RolloutAction.RequestSignOff, WaitingForPerson.Describe(phase, evaluation), cancellationToken);
                break;
            case CheckpointFollowUp.RequestSignOff:
                await ExecuteAsync(
                    rolloutId, RolloutAction.RequestSignOff, $"The last checkpoint ({checkpoint}) of phase '{phase.Name}' is {verdict}. It waits for sign-off.", cancellationToken);
                break;
            case CheckpointFollowUp.Continue:
                break;
        }
    }

    private async Task<bool> ExecuteAsync(Guid rolloutId, RolloutAction action, string reason, CancellationToken cancellationToken)
    {
        var outcome = await rolloutService.ExecuteAsync(
            rolloutId, new RolloutCommand(action, AutomationActors.Checkpoints, reason, TrafficChangeSource.Automation), cancellationToken);
        // Saved in each of these three; what follows the save (the router, its record) is not this follow-up's to repeat.
        if (outcome.Kind is not (OutcomeKind.Succeeded or OutcomeKind.RouterFailed or OutcomeKind.StoreLostAfterSave))
        {
            LogActionRefused(rolloutId, action, outcome.Kind, outcome.Detail);
            return false;
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Automation could not {Action} rollout {RolloutId}: {Kind} {Detail}")]
    private partial void LogActionRefused(Guid rolloutId, RolloutAction action, OutcomeKind kind, string? detail);
}
