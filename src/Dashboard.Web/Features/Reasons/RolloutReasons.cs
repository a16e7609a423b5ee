using System.Globalization;
using System.Text.Json;
using Dashboard.Core.Guardrails;
using Dashboard.Core.Plans;
using Dashboard.Core.Rollouts;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Infrastructure.Persistence.Audit;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Features.Checkpoints;

namespace Dashboard.Web.Features.Reasons;

/// <summary>
/// Reads why a rollout is held, waits for sign-off, was rolled back, aborted or completed from what is already
/// persisted: the audit event of the transition (who, their words, when) and, for a checkpoint's decision, the
/// stored verdict it acted on. The rollout page and the war room both ask here, so they say the same
/// (docs/rollouts-ui.md, "State and reason").
/// </summary>
public sealed class RolloutReasons(RolloutStore rollouts, AuditLog auditLog, CheckpointVerdictStore verdicts)
{
    /// <summary>The reason for the rollout's state now; null for an unknown rollout or one that runs as planned.</summary>
    public async Task<RolloutReason?> FindAsync(Guid rolloutId, CancellationToken cancellationToken = default) =>
        await rollouts.LoadAsync(rolloutId, cancellationToken) is { } rollout ? await ReasonAsync(rollout, cancellationToken) : null;

    /// <summary>
    /// For a screen that follows one rollout (<c>/warroom</c>): the one asked for, else the most recently started
    /// one still watched (running, held, awaiting sign-off), else the one started last — so a rollout that just
    /// rolled back keeps saying why until another starts. Null when none started or it runs as planned.
    /// </summary>
    public async Task<RolloutReason?> FindForScreenAsync(Guid? requested, CancellationToken cancellationToken = default)
    {
        var started = (await rollouts.ListAsync(cancellationToken))
            .Select(Rollout.FromSnapshot)
            .Where(r => r.StartedAt is not null)
            .OrderByDescending(r => r.StartedAt)
            .ToList();
        var shown = started.FirstOrDefault(r => r.Id == requested)
            ?? started.FirstOrDefault(r => GuardrailJudge.IsWatched(r.CurrentState))
            ?? started.FirstOrDefault();
        return shown is null ? null : await ReasonAsync(shown, cancellationToken);
    }

    private async Task<RolloutReason?> ReasonAsync(Rollout rollout, CancellationToken cancellationToken)
    {
        if (EventKind(rollout.CurrentState) is not { } kind)
        {
            return null;
        }

        var recorded = (await auditLog.ReadAsync(rollout.Id, cancellationToken)).LastOrDefault(e => e.Kind == kind);
        if (recorded is null)
        {
            // Fail safe: a state without its event still says so rather than nothing.
            return Reason(rollout, "unknown", byAutomation: false, "no reason was recorded", rollout.CurrentProgress.EndedAt ?? rollout.CreatedAt,
                AuditHref(rollout.Id), "the audit log");
        }

        var words = ReasonIn(recorded.PayloadJson) is { Length: > 0 } said ? said : "no reason was recorded";
        var byAutomation = recorded.Actor.StartsWith("automation (", StringComparison.Ordinal);
        if (recorded.Actor == AutomationActors.Checkpoints.Name
            && await CheckpointBehindAsync(rollout, recorded.At, cancellationToken) is { } checkpoint)
        {
            return Reason(rollout, recorded.Actor, byAutomation, words, recorded.At,
                CheckpointRoutes.Page(rollout.Id, checkpoint.PhaseIndex, checkpoint.CheckpointOffsetSeconds),
                $"checkpoint {PlanDuration.Format(TimeSpan.FromSeconds(checkpoint.CheckpointOffsetSeconds))} of phase '{rollout.Plan.Phases[checkpoint.PhaseIndex].Name}'");
        }

        return Reason(rollout, recorded.Actor, byAutomation, words, recorded.At,
            $"{AuditHref(rollout.Id)}?audit={recorded.Sequence.ToString(CultureInfo.InvariantCulture)}#audit-{recorded.Sequence.ToString(CultureInfo.InvariantCulture)}",
            $"audit entry #{recorded.Sequence.ToString(CultureInfo.InvariantCulture)}");
    }

    private static RolloutReason Reason(Rollout rollout, string actor, bool byAutomation, string words, DateTimeOffset at, string href, string label) =>
        new(rollout.Id, rollout.Service, rollout.CandidateVersion, rollout.Status, rollout.CurrentState, rollout.CurrentPhase.Name,
            actor, byAutomation, words, at, href, label);

    /// <summary>The audit event that put the current phase in its state; null for a state that needs no reason.</summary>
    private static string? EventKind(PhaseState state) => state switch
    {
        PhaseState.Held => "phase.held",
        PhaseState.AwaitingSignOff => "phase.signOffRequested",
        PhaseState.RolledBack => "rollout.rolledBack",
        PhaseState.Aborted => "rollout.aborted",
        PhaseState.Completed => "rollout.completed",
        _ => null,
    };

    // The checkpoint automation acts on a verdict it has just stored: the latest of this phase run up to the action.
    private async Task<CheckpointVerdictRecord?> CheckpointBehindAsync(Rollout rollout, DateTimeOffset actedAt, CancellationToken cancellationToken) =>
        (await verdicts.ListAsync(rollout.Id, cancellationToken))
            .Where(v => v.PhaseIndex == rollout.CurrentPhaseIndex && v.PhaseStartedAt == rollout.CurrentProgress.StartedAt && v.EvaluatedAt <= actedAt)
            .MaxBy(v => v.EvaluatedAt);

    private static string AuditHref(Guid rolloutId) => $"/rollouts/{rolloutId}";

    private static string? ReasonIn(string payloadJson)
    {
        using var payload = JsonDocument.Parse(payloadJson);
        return payload.RootElement.ValueKind == JsonValueKind.Object
            && payload.RootElement.TryGetProperty("reason", out var reason) && reason.ValueKind == JsonValueKind.String
            ? reason.GetString()?.Trim()
            : null;
    }
}
