using System.Globalization;
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
    public const int MaxItemTextLength = 500;
    public const int MaxOwnerLength = 100;

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

        var problems = Validate(request, DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime), out var decision);
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

    /// <summary>
    /// Every problem of a decision by field (<c>notes</c>, <c>actionItems[0].due</c> …), in the words the form
    /// shows beside each field; empty when it may be recorded.
    /// </summary>
    /// <param name="request">The decision as typed.</param>
    /// <param name="today">Today in UTC: a due date before yesterday is a typo, not a plan.</param>
    /// <param name="decision">The parsed decision when it is one.</param>
    public static Dictionary<string, string[]> Validate(CheckpointDecisionRequest request, DateOnly today, out CheckpointDecision decision)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
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
            problems["notes"] = [$"notes are at most {MaxNotesLength} characters ({request.Notes.Length})"];
        }

        var items = request.ActionItems ?? [];
        if (items.Count > MaxActionItems)
        {
            problems["actionItems"] = [$"at most {MaxActionItems} action items"];
        }

        for (var i = 0; i < items.Count; i++)
        {
            CheckItem(problems, $"actionItems[{i}]", items[i], today);
        }

        return problems;
    }

    private static void CheckItem(Dictionary<string, string[]> problems, string path, CheckpointActionItem? item, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(item?.Text))
        {
            problems[$"{path}.text"] = ["an action item needs its text"];
        }
        else if (item.Text.Trim().Length > MaxItemTextLength)
        {
            problems[$"{path}.text"] = [$"an action item's text is at most {MaxItemTextLength} characters ({item.Text.Trim().Length})"];
        }

        if (string.IsNullOrWhiteSpace(item?.Owner))
        {
            problems[$"{path}.owner"] = ["an action item needs an owner"];
        }
        else if (item.Owner.Trim().Length > MaxOwnerLength)
        {
            problems[$"{path}.owner"] = [$"an owner is at most {MaxOwnerLength} characters ({item.Owner.Trim().Length})"];
        }

        // Yesterday in UTC is still today west of Greenwich: only a date before it is surely in the past.
        var earliest = today.AddDays(-1);
        if (item?.Due is { } due && due < earliest)
        {
            problems[$"{path}.due"] = [string.Create(CultureInfo.InvariantCulture, $"the due date {due:yyyy-MM-dd} is in the past: the earliest is {earliest:yyyy-MM-dd}")];
        }
    }
}
