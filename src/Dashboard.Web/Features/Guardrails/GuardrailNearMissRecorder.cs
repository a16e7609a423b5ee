using Dashboard.Core.Guardrails;
using Dashboard.Core.Rollouts;
using Dashboard.Infrastructure.Persistence.Audit;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Features.Rollouts;

namespace Dashboard.Web.Features.Guardrails;

/// <summary>
/// Makes the guardrails' near-misses durable, so the handoff review can show them after the fact: a breach
/// streak that grew without acting, a period without data, and a rule that should have acted but could not. Written once per change, never per poll — at
/// most (required − 1) events per streak and two per blind period. A failed write is logged and the guarding
/// goes on: losing a record must never stop a rollback.
/// </summary>
public sealed partial class GuardrailNearMissRecorder(AuditLog auditLog, RolloutChangeFeed changes, ILogger<GuardrailNearMissRecorder> logger)
{
    /// <summary>The streak of <paramref name="observation"/>'s rule reached <paramref name="streak"/>'s count (below <paramref name="required"/>).</summary>
    public Task StreakGrewAsync(Rollout rollout, GuardrailObservation observation, GuardrailStreak streak, int required, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        ArgumentNullException.ThrowIfNull(observation);
        ArgumentNullException.ThrowIfNull(streak);
        return AppendAsync(rollout.Id, GuardrailAuditKinds.StreakGrew, new
        {
            phaseIndex = rollout.CurrentPhaseIndex,
            phase = rollout.CurrentPhase.Name,
            rule = observation.Rule.Id,
            ruleKind = observation.Rule.Kind.ToString(),
            condition = observation.Rule.Describe(),
            count = streak.Count,
            required,
            since = streak.Since,
            values = observation.Values,
        }, cancellationToken);
    }

    /// <summary>The rule of <paramref name="observation"/> held for <paramref name="streak"/> and should act, but cannot: <paramref name="reason"/>.</summary>
    public Task BlockedAsync(Rollout rollout, GuardrailObservation observation, GuardrailStreak streak, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        ArgumentNullException.ThrowIfNull(observation);
        ArgumentNullException.ThrowIfNull(streak);
        return AppendAsync(rollout.Id, GuardrailAuditKinds.Blocked, new
        {
            phaseIndex = rollout.CurrentPhaseIndex,
            phase = rollout.CurrentPhase.Name,
            rule = observation.Rule.Id,
            ruleKind = observation.Rule.Kind.ToString(),
            condition = observation.Rule.Describe(),
            streak = streak.Count,
            since = streak.Since,
            reason,
            values = observation.Values,
        }, cancellationToken);
    }

    /// <summary>The rollout's triggers named by <paramref name="metrics"/> have no data since <paramref name="since"/>.</summary>
    public Task BlindStartedAsync(Rollout rollout, DateTimeOffset since, IReadOnlyList<string> metrics, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        return AppendAsync(rollout.Id, GuardrailAuditKinds.BlindStarted, new
        {
            phaseIndex = rollout.CurrentPhaseIndex,
            phase = rollout.CurrentPhase.Name,
            since,
            metrics,
            reason,
        }, cancellationToken);
    }

    /// <summary>The blind period that began at <paramref name="since"/> ended at <paramref name="endedAt"/>.</summary>
    /// <param name="rolloutId">The rollout.</param>
    /// <param name="since">When it began.</param>
    /// <param name="endedAt">When it ended.</param>
    /// <param name="watched">False when it ended because the rollout is no longer watched (finished, held) rather than because data came back.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    public Task BlindEndedAsync(Guid rolloutId, DateTimeOffset since, DateTimeOffset endedAt, bool watched, CancellationToken cancellationToken) =>
        AppendAsync(rolloutId, GuardrailAuditKinds.BlindEnded, new
        {
            since,
            endedAt,
            seconds = Math.Round((endedAt - since).TotalSeconds, 1),
            dataBack = watched,
        }, cancellationToken);

    private async Task AppendAsync(Guid rolloutId, string kind, object payload, CancellationToken cancellationToken)
    {
        try
        {
            await auditLog.AppendAsync(AutomationActors.Guardrails.Name, kind, rolloutId, payload, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogWriteFailed(ex, kind, rolloutId);
            return;
        }

        changes.Publish(rolloutId);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not record {Kind} of rollout {RolloutId}; guarding goes on")]
    private partial void LogWriteFailed(Exception exception, string kind, Guid rolloutId);
}
