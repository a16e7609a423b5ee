using System.Text.Json;
using Dashboard.Core.Checkpoints;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Infrastructure.Persistence.Audit;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Features.Rollouts;
using Dashboard.Web.Shared;

namespace Dashboard.Web.Features.Checkpoints;

/// <summary>
/// Records a person's decision at an evaluated checkpoint — the one path for the form and the REST
/// API: asks <see cref="AccessAuthorization"/>, validates everything at once, stores the decision
/// with its <c>checkpoint.decided</c> audit event in one transaction and only then tells the pages.
/// It records the decision only: moving traffic stays with the rollout's own actions.
/// </summary>
public sealed class CheckpointDecisionService(
    CheckpointDetails details,
    CheckpointDecisionStore decisions,
    AccessAuthorization authorization,
    RolloutChangeFeed changes,
    TimeProvider timeProvider)
{
    public const int MaxNotesLength = 4000;
    public const int MaxActionItems = 20;

    public async Task<Outcome<CheckpointDecisionView>> RecordAsync(
        Guid rolloutId, int phaseIndex, long offsetSeconds, CheckpointDecisionRequest request, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(actor);
        if (await authorization.RequireAsync(actor, Operation.RecordDecision, rolloutId, cancellationToken) is { } denial)
        {
            return Outcomes.Forbidden<CheckpointDecisionView>(denial);
        }

        if (await details.FindAsync(rolloutId, phaseIndex, offsetSeconds, cancellationToken) is not { } checkpoint)
        {
            return Outcomes.NotFound<CheckpointDecisionView>(
                $"Rollout {rolloutId} has no evaluated checkpoint {offsetSeconds} s into phase {phaseIndex}.");
        }

        var problems = Validate(request, out var decision);
        if (problems.Count > 0)
        {
            return Outcomes.Invalid<CheckpointDecisionView>(problems);
        }

        var items = (request.ActionItems ?? []).Select(i => new CheckpointActionItem(i.Text!.Trim(), i.Owner!.Trim(), i.Due)).ToList();
        var record = new CheckpointDecisionRecord
        {
            Id = Guid.NewGuid(),
            RolloutId = rolloutId,
            VerdictId = checkpoint.VerdictId,
            Decision = decision.ToString(),
            Notes = request.Notes!.Trim(),
            ActionItemsJson = JsonSerializer.Serialize(items, CheckpointDecisionView.Json),
            DecidedBy = actor.Name,
            DecidedAt = timeProvider.GetUtcNow(),
        };
        var audit = AuditEventDraft.For(actor.Name, "checkpoint.decided", rolloutId, new
        {
            phaseIndex,
            phase = checkpoint.Evaluation.PhaseName,
            checkpoint = checkpoint.Evaluation.CheckpointOffset.ToString(),
            phaseStartedAt = checkpoint.Verdict.PhaseStartedAt,
            verdict = checkpoint.Verdict.Verdict.ToString(),
            suggested = checkpoint.Verdict.Decision.ToString(),
            decision = record.Decision,
            notes = record.Notes,
            actionItems = items,
        });
        await decisions.AddAsync(record, audit, cancellationToken);
        changes.Publish(rolloutId);
        return Outcomes.Created(CheckpointDecisionView.From(record));
    }

    private static Dictionary<string, string[]> Validate(CheckpointDecisionRequest request, out CheckpointDecision decision)
    {
        var problems = new Dictionary<string, string[]>();
        decision = default;
        if (string.IsNullOrWhiteSpace(request.Decision))
        {
            problems["decision"] = [$"decision is required: one of {string.Join(", ", Enum.GetNames<CheckpointDecision>())}"];
        }
        else if (!Enum.TryParse(request.Decision.Trim(), ignoreCase: true, out decision) || !Enum.IsDefined(decision))
        {
            problems["decision"] = [$"there is no decision '{request.Decision.Trim()}': one of {string.Join(", ", Enum.GetNames<CheckpointDecision>())}"];
        }

        if (string.IsNullOrWhiteSpace(request.Notes))
        {
            problems["notes"] = ["notes are required: say why"];
        }
        else if (request.Notes.Length > MaxNotesLength)
        {
            problems["notes"] = [$"notes are at most {MaxNotesLength} characters"];
        }

        var items = request.ActionItems ?? [];
        if (items.Count > MaxActionItems)
        {
            problems["actionItems"] = [$"at most {MaxActionItems} action items"];
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(items[i]?.Text))
            {
                problems[$"actionItems[{i}].text"] = ["an action item needs its text"];
            }

            if (string.IsNullOrWhiteSpace(items[i]?.Owner))
            {
                problems[$"actionItems[{i}].owner"] = ["an action item needs an owner"];
            }
        }

        return problems;
    }
}
