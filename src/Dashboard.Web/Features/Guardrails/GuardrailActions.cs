using Dashboard.Core.Guardrails;
using Dashboard.Core.Rollouts;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Infrastructure.Persistence.Audit;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Features.Rollouts;
using Dashboard.Web.Shared;

namespace Dashboard.Web.Features.Guardrails;

/// <summary>
/// Carries out a guardrail decision through the same paths people use: a rollback or a traffic
/// reduction through <see cref="RolloutService"/> (authorized, saved and audited before the router
/// moves), a monitor-closely or log finding as an audit event. When the router does not confirm the
/// weight, <see cref="RouterConfirmation"/> keeps trying and raises the critical alert.
/// </summary>
public sealed partial class GuardrailActions(
    RolloutService rollouts,
    AccessAuthorization authorization,
    AuditLog auditLog,
    RolloutChangeFeed changes,
    RouterConfirmation confirmation,
    ILogger<GuardrailActions> logger)
{

    /// <summary>Carries out <paramref name="decision"/>; a refusal comes back with its reason, so the status can say why nothing moved.</summary>
    public async Task<GuardrailActionResult> ExecuteAsync(Rollout rollout, GuardrailDecision decision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        ArgumentNullException.ThrowIfNull(decision);
        var command = decision.Kind switch
        {
            GuardrailDecisionKind.RollBack => new RolloutCommand(RolloutAction.RollBack, AutomationActors.Guardrails, decision.Reason, TrafficChangeSource.Automation),
            GuardrailDecisionKind.ReduceTraffic => new RolloutCommand(RolloutAction.ChangeTraffic, AutomationActors.Guardrails, decision.Reason, TrafficChangeSource.Automation, decision.TrafficPercent),
            _ => null,
        };
        if (command is null)
        {
            return await RecordFindingAsync(rollout, decision, cancellationToken);
        }

        var outcome = await rollouts.ExecuteAsync(rollout.Id, command, cancellationToken);
        LogActed(rollout.Id, decision.Kind, outcome.Kind, decision.Reason);
        switch (outcome.Kind)
        {
            case OutcomeKind.Succeeded:
                return GuardrailActionResult.Done;
            case OutcomeKind.RouterFailed:
                await confirmation.BeginAsync(
                    rollout.Id, rollout.Service, rollout.CandidateVersion, outcome.Value?.Rollout.RequestedWeightPercent ?? 0, outcome.Detail ?? "the router did not confirm the weight", cancellationToken);
                return new(true, outcome.Detail ?? "the router did not confirm the weight");
            case OutcomeKind.StoreLostAfterSave:
                // Saved and audited: the automation finishes its traffic change once the store is back. A second
                // decision next poll would be a second rollback or traffic change.
                return new(true, outcome.Detail);
            case OutcomeKind.IllegalTransition or OutcomeKind.NotFound:
                // Someone else acted first (rolled back, held); nothing is left for this streak to do.
                return new(true, outcome.Detail);
            default:
                return new(false, outcome.Detail ?? outcome.Kind.ToString());
        }
    }

    private async Task<GuardrailActionResult> RecordFindingAsync(Rollout rollout, GuardrailDecision decision, CancellationToken cancellationToken)
    {
        if (await authorization.RequireAsync(AutomationActors.Guardrails, Operation.RecordGuardrailFinding, rollout.Id, cancellationToken) is { } denial)
        {
            LogRefused(rollout.Id, decision.Kind, denial);
            return new(false, denial);
        }

        await auditLog.AppendAsync(
            AutomationActors.Guardrails.Name,
            GuardrailAuditKinds.Contingency,
            rollout.Id,
            new
            {
                phaseIndex = rollout.CurrentPhaseIndex,
                phase = rollout.CurrentPhase.Name,
                rule = decision.Rule.Id,
                condition = decision.Rule.Describe(),
                action = decision.Kind.ToString(),
                duration = decision.Duration?.ToString(),
                values = decision.Observation.Values,
                streak = decision.Streak.Count,
                since = decision.Streak.Since,
                reason = decision.Reason,
            },
            cancellationToken);
        LogActed(rollout.Id, decision.Kind, OutcomeKind.Succeeded, decision.Reason);

        // The audit trail on the rollout page re-reads on a published change.
        changes.Publish(rollout.Id);
        return GuardrailActionResult.Done;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Guardrail {Kind} on rollout {RolloutId}: {Outcome}. {Reason}")]
    private partial void LogActed(Guid rolloutId, GuardrailDecisionKind kind, OutcomeKind outcome, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Guardrail {Kind} on rollout {RolloutId} refused: {Denial}")]
    private partial void LogRefused(Guid rolloutId, GuardrailDecisionKind kind, string denial);
}
