using Dashboard.Core.Checkpoints;
using Dashboard.Core.Evaluation;
using Dashboard.Core.Plans;
using Dashboard.Core.Rollouts;
using Dashboard.Infrastructure.Checkpoints;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Features.Rollouts;
using Dashboard.Web.Shared;

namespace Dashboard.Web.Features.Checkpoints;

/// <summary>
/// Evaluates one due checkpoint over its window, persists the verdict (exactly once per checkpoint
/// of a phase run) and only then tells the pages and acts on it: FAIL or NO_DATA holds the phase for
/// a person's decision; the last checkpoint passing advances an auto-advance phase or asks for
/// sign-off. A checkpoint of a phase run that is no longer running is skipped. FAIL, WARN and NO_DATA
/// verdicts are also posted to the team's chat, once each.
/// </summary>
public sealed partial class CheckpointRunner(
    RolloutStore rollouts,
    CheckpointVerdictStore verdicts,
    CheckpointRequestBuilder requests,
    CheckpointEvaluator evaluator,
    RolloutService rolloutService,
    RolloutChangeFeed changes,
    CheckpointVerdictNotifications notifications,
    ILogger<CheckpointRunner> logger)
{

    public async Task RunAsync(Guid rolloutId, int phaseIndex, DateTimeOffset phaseStartedAt, TimeSpan offset, CancellationToken cancellationToken)
    {
        if (await rollouts.LoadAsync(rolloutId, cancellationToken) is not { } rollout
            || rollout.CurrentPhaseIndex != phaseIndex
            || rollout.CurrentProgress.StartedAt != phaseStartedAt
            || rollout.CurrentState != PhaseState.Running)
        {
            LogSkipped(rolloutId, phaseIndex, offset);
            return;
        }

        var phase = rollout.CurrentPhase;
        var request = await requests.BuildAsync(rolloutId, rollout.Plan, phaseIndex, phaseStartedAt, offset, cancellationToken);
        var evaluation = await evaluator.EvaluateAsync(request, cancellationToken);

        if (!await verdicts.TryAddAsync(rolloutId, phaseStartedAt, evaluation, AutomationActors.Checkpoints.Name, cancellationToken))
        {
            LogAlreadyEvaluated(rolloutId, phaseIndex, offset);
            return;
        }

        LogEvaluated(rolloutId, phase.Name, offset, evaluation.OverallVerdict, evaluation.EvaluatedAt - request.Window.DueAt);
        changes.Publish(rolloutId);
        notifications.Notify(rollout, evaluation);
        await ActAsync(rolloutId, phase, offset, evaluation, cancellationToken);
    }

    private async Task ActAsync(Guid rolloutId, PlanPhase phase, TimeSpan offset, CheckpointEvaluation evaluation, CancellationToken cancellationToken)
    {
        var checkpoint = PlanDuration.Format(offset);
        if (evaluation.OverallVerdict is Verdict.Fail or Verdict.NoData)
        {
            var why = $"Checkpoint {checkpoint} of phase '{phase.Name}' is {VerdictText(evaluation.OverallVerdict)}: {evaluation.DecisionReason}";
            await ExecuteAsync(rolloutId, RolloutAction.Hold, why, cancellationToken);
            return;
        }

        if (offset != phase.Checkpoints[^1])
        {
            return;
        }

        var passed = $"Every checkpoint of phase '{phase.Name}' passed (last: {checkpoint}, {VerdictText(evaluation.OverallVerdict)}).";
        if (phase.Gate.Kind == GateKind.AutoAdvance)
        {
            if (await ExecuteAsync(rolloutId, RolloutAction.MarkPassed, passed, cancellationToken))
            {
                await ExecuteAsync(rolloutId, RolloutAction.Advance, $"{passed} The phase advances by itself.", cancellationToken);
            }
        }
        else
        {
            await ExecuteAsync(rolloutId, RolloutAction.RequestSignOff, $"{passed} It waits for sign-off.", cancellationToken);
        }
    }

    private async Task<bool> ExecuteAsync(Guid rolloutId, RolloutAction action, string reason, CancellationToken cancellationToken)
    {
        var outcome = await rolloutService.ExecuteAsync(rolloutId, new RolloutCommand(action, AutomationActors.Checkpoints, reason, TrafficChangeSource.Automation), cancellationToken);
        if (outcome.Kind is not (OutcomeKind.Succeeded or OutcomeKind.RouterFailed))
        {
            LogActionRefused(rolloutId, action, outcome.Kind, outcome.Detail);
            return false;
        }

        return true;
    }

    private static string VerdictText(Verdict verdict) => verdict switch
    {
        Verdict.NoData => "NO_DATA",
        _ => verdict.ToString().ToUpperInvariant(),
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Checkpoint {Offset} of phase {PhaseIndex} of rollout {RolloutId} skipped: that phase run is not running any more")]
    private partial void LogSkipped(Guid rolloutId, int phaseIndex, TimeSpan offset);

    [LoggerMessage(Level = LogLevel.Information, Message = "Checkpoint {Offset} of phase {PhaseIndex} of rollout {RolloutId} already has a verdict")]
    private partial void LogAlreadyEvaluated(Guid rolloutId, int phaseIndex, TimeSpan offset);

    [LoggerMessage(Level = LogLevel.Information, Message = "Checkpoint {Offset} of phase {Phase} of rollout {RolloutId}: {Verdict}, evaluated {Late} after its due time (the settle delay included)")]
    private partial void LogEvaluated(Guid rolloutId, string phase, TimeSpan offset, Verdict verdict, TimeSpan late);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Automation could not {Action} rollout {RolloutId}: {Kind} {Detail}")]
    private partial void LogActionRefused(Guid rolloutId, RolloutAction action, OutcomeKind kind, string? detail);
}
