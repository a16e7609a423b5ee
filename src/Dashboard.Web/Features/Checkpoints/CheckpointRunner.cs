using Dashboard.Core.Evaluation;
using Dashboard.Core.Rollouts;
using Dashboard.Infrastructure.Checkpoints;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Features.Rollouts;

namespace Dashboard.Web.Features.Checkpoints;

/// <summary>
/// Evaluates one due checkpoint over its window, persists the verdict (exactly once per checkpoint
/// of a phase run) and only then tells the pages and acts on it through <see cref="VerdictFollowUp"/>:
/// FAIL or NO_DATA holds the phase for a person's decision; at the last checkpoint an auto-advance phase
/// advances when every criterion passed and otherwise waits for a person, and a sign-off phase asks for
/// sign-off. A checkpoint of a phase run that is no longer running is skipped. FAIL, WARN and NO_DATA
/// verdicts are also posted to the team's chat, once each. Idempotent: a second run of the same checkpoint (a
/// recovered job) stores nothing and acts on nothing.
/// </summary>
public sealed partial class CheckpointRunner(
    RolloutStore rollouts,
    CheckpointVerdictStore verdicts,
    CheckpointRequestBuilder requests,
    CheckpointEvaluator evaluator,
    VerdictFollowUp followUp,
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

        // A run Quartz recovered from a dead instance (or re-fired) may find that instance's verdict already saved:
        // then nothing is read or stored again. TryAddAsync below still refuses a second verdict if two runs overlap.
        var offsetSeconds = (long)offset.TotalSeconds;
        if ((await verdicts.ListAsync(rolloutId, cancellationToken)).Any(v =>
                v.PhaseIndex == phaseIndex && v.PhaseStartedAt == phaseStartedAt && v.CheckpointOffsetSeconds == offsetSeconds))
        {
            LogAlreadyEvaluated(rolloutId, phaseIndex, offset);
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
        await followUp.ActAsync(rolloutId, phase, offset, evaluation, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Checkpoint {Offset} of phase {PhaseIndex} of rollout {RolloutId} skipped: that phase run is not running any more")]
    private partial void LogSkipped(Guid rolloutId, int phaseIndex, TimeSpan offset);

    [LoggerMessage(Level = LogLevel.Information, Message = "Checkpoint {Offset} of phase {PhaseIndex} of rollout {RolloutId} already has a verdict")]
    private partial void LogAlreadyEvaluated(Guid rolloutId, int phaseIndex, TimeSpan offset);

    [LoggerMessage(Level = LogLevel.Information, Message = "Checkpoint {Offset} of phase {Phase} of rollout {RolloutId}: {Verdict}, evaluated {Late} after its due time (the settle delay included)")]
    private partial void LogEvaluated(Guid rolloutId, string phase, TimeSpan offset, Verdict verdict, TimeSpan late);
}
