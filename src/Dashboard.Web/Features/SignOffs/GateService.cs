using Dashboard.Core.Checklists;
using Dashboard.Core.Plans;
using Dashboard.Core.Rollouts;
using Dashboard.Core.SignOffs;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Features.Rollouts;
using Dashboard.Web.Shared;

namespace Dashboard.Web.Features.SignOffs;

/// <summary>
/// The sign-off gates — the one path for the panels, the REST API and the <see cref="GateWatcher"/>:
/// authorizes (a lead signs only for the role they hold, and — unless the gate allows it — for one role per
/// gate), validates every field at once, stores each
/// sign-off and tick with its audit event, tells every open page, then opens the gate when it can — an
/// awaiting phase whose required leads all said GO and whose checklist is complete is marked passed and
/// advanced through <see cref="RolloutService"/>, under <see cref="AutomationActors.SignOffGate"/>.
/// </summary>
public sealed partial class GateService(
    RolloutStore rollouts,
    GateRecordStore records,
    RolloutService rolloutService,
    AccessAuthorization authorization,
    RolloutChangeFeed changes,
    TimeProvider timeProvider,
    ILogger<GateService> logger) : IDisposable
{
    public const int MaxCommentLength = GateRecordLimits.CommentLength;

    private static readonly string RoleNames = string.Join(", ", Enum.GetNames<SignOffRole>());

    // Checking a gate and acting on it happen under one lock, so a NO-GO recorded while the gate opens
    // is either counted or refused (the phase has moved on), never lost in between.
    private readonly SemaphoreSlim _gate = new(1, 1);


    /// <summary>The gate of phase <paramref name="phaseIndex"/>, or NotFound.</summary>
    public async Task<Outcome<GateView>> GetAsync(Guid rolloutId, int phaseIndex, CancellationToken cancellationToken = default)
    {
        if (await rollouts.LoadAsync(rolloutId, cancellationToken) is not { } rollout)
        {
            return RolloutMissing(rolloutId);
        }

        return IsPhase(rollout, phaseIndex)
            ? Outcomes.Succeeded(await ViewAsync(rollout, phaseIndex, cancellationToken))
            : PhaseMissing(rollout, phaseIndex);
    }

    /// <summary>The gate of the rollout's current phase, or null when there is no such rollout.</summary>
    public async Task<GateView?> FindCurrentAsync(Guid rolloutId, CancellationToken cancellationToken = default) =>
        await rollouts.LoadAsync(rolloutId, cancellationToken) is { } rollout
            ? await ViewAsync(rollout, rollout.CurrentPhaseIndex, cancellationToken)
            : null;

    /// <summary>
    /// What is wrong with the comment of a GO or NO-GO: missing, whitespace alone, or longer than
    /// <see cref="MaxCommentLength"/> once trimmed. The sign-off dialog shows the same words beside the field.
    /// </summary>
    public static string? CommentProblem(string? text, SignOffDecision? decision)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return decision == SignOffDecision.NoGo
                ? "a NO-GO needs a comment: say why, so the others know what blocks the gate"
                : "comment is required: say what you checked";
        }

        return trimmed.Length > MaxCommentLength ? $"comment is longer than {MaxCommentLength} characters ({trimmed.Length})" : null;
    }

    /// <summary>Records a lead's GO or NO-GO at the gate of phase <paramref name="phaseIndex"/>, then opens the gate if it can.</summary>
    public async Task<Outcome<GateView>> SignAsync(Guid rolloutId, int phaseIndex, SignOffRequest request, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(actor);
        if (await authorization.RequireAsync(actor, Operation.SignOff, rolloutId, cancellationToken) is { } denial)
        {
            return Outcomes.Forbidden<GateView>(denial);
        }

        var problems = new Dictionary<string, string[]>();
        var role = ParseRole(problems, request.Role);
        if (role is { } signingFor && await authorization.RequireSignOffAsync(actor, signingFor, rolloutId, cancellationToken) is { } notTheirs)
        {
            return Outcomes.Forbidden<GateView>(notTheirs);
        }

        var decision = ParseDecision(problems, request.Decision);
        var comment = ValidateComment(problems, request.Comment, decision);
        Outcome<GateView>? refused;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            (var rollout, refused) = await LoadPhaseAsync(rolloutId, phaseIndex, cancellationToken);
            if (rollout is not null)
            {
                var phase = rollout.Plan.Phases[phaseIndex];
                if (role is { } required && !phase.Gate.RequiredRoles.Contains(required))
                {
                    problems["role"] = [NotRequired(phase, required)];
                }

                refused = problems.Count > 0 ? Outcomes.Invalid<GateView>(problems)
                    : GateRules.WhyNotAccepting(rollout, phaseIndex) is { } why ? Outcomes.Conflict<GateView>(why)
                    : await WhyNotThisSignerAsync(rollout, phaseIndex, role!.Value, actor, cancellationToken);
                if (refused is null)
                {
                    var record = new SignOffRecord
                    {
                        Id = Guid.NewGuid(),
                        RolloutId = rolloutId,
                        PhaseIndex = phaseIndex,
                        Role = role!.Value.ToString(),
                        Decision = decision!.Value.ToString(),
                        Comment = comment!,
                        By = actor.Name,
                        At = timeProvider.GetUtcNow(),
                    };
                    await records.AddSignOffAsync(record, phase.Name, cancellationToken);
                }
            }
        }
        finally
        {
            _gate.Release();
        }

        return refused ?? await AfterChangeAsync(rolloutId, phaseIndex, created: true, cancellationToken);
    }

    /// <summary>
    /// Ticks (<paramref name="ticked"/> true) or un-ticks an item of the gate's checklist, then opens the gate
    /// if it can. Asking for what the item already shows records nothing (a PUT may be repeated).
    /// </summary>
    public async Task<Outcome<GateView>> TickAsync(Guid rolloutId, int phaseIndex, string itemId, bool? ticked, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (await authorization.RequireAsync(actor, Operation.TickChecklist, rolloutId, cancellationToken) is { } denial)
        {
            return Outcomes.Forbidden<GateView>(denial);
        }

        if (ticked is not { } tick)
        {
            return Outcomes.Invalid<GateView>("ticked", "ticked is required: true ticks the item, false takes the tick back");
        }

        Outcome<GateView>? refused;
        var changed = false;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            (var rollout, refused) = await LoadPhaseAsync(rolloutId, phaseIndex, cancellationToken);
            if (rollout is not null)
            {
                var phase = rollout.Plan.Phases[phaseIndex];
                var (template, item, missing) = FindItem(phase, itemId);
                refused = missing is not null ? Outcomes.NotFound<GateView>(missing)
                    : GateRules.WhyNotAccepting(rollout, phaseIndex) is { } why ? Outcomes.Conflict<GateView>(why)
                    : null;
                if (refused is null)
                {
                    var current = (await RecordsAsync(rollout, phaseIndex, cancellationToken)).Ticks.LastOrDefault(t => t.TemplateId == template!.Id && t.ItemId == item!.Id);
                    if ((current?.Ticked ?? false) != tick)
                    {
                        var record = new ChecklistTickRecord
                        {
                            Id = Guid.NewGuid(),
                            RolloutId = rolloutId,
                            PhaseIndex = phaseIndex,
                            TemplateId = template!.Id,
                            ItemId = item!.Id,
                            Ticked = tick,
                            By = actor.Name,
                            At = timeProvider.GetUtcNow(),
                        };
                        await records.AddTickAsync(record, phase.Name, item.Text, cancellationToken);
                        changed = true;
                    }
                }
            }
        }
        finally
        {
            _gate.Release();
        }

        if (refused is not null)
        {
            return refused;
        }

        return changed
            ? await AfterChangeAsync(rolloutId, phaseIndex, created: false, cancellationToken)
            : await GetAsync(rolloutId, phaseIndex, cancellationToken);
    }

    /// <summary>
    /// Opens the gate of the rollout's current phase when it awaits sign-off and every required lead's latest
    /// word is GO with the checklist complete: marks the phase passed and advances it. An auto-advance phase
    /// awaiting sign-off waits for a person's Advance and is never opened here. True when it advanced;
    /// false when the gate is not ready or someone else moved the rollout first (the state machine refuses a
    /// second advance, so two triggers at once advance once).
    /// </summary>
    public async Task<bool> OpenIfReadyAsync(Guid rolloutId, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (await rollouts.LoadAsync(rolloutId, cancellationToken) is not { CurrentState: PhaseState.AwaitingSignOff } rollout)
            {
                return false;
            }

            var phase = rollout.CurrentPhase;
            var status = GateRules.Evaluate(phase, rollout.CurrentState, await RecordsAsync(rollout, rollout.CurrentPhaseIndex, cancellationToken));
            if (!status.IsOpen)
            {
                return false;
            }

            var reason = WhyOpen(phase, status);
            return await ExecuteAsync(rolloutId, RolloutAction.MarkPassed, reason, cancellationToken)
                && await ExecuteAsync(rolloutId, RolloutAction.Advance, $"{reason} The phase advances.", cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Null when <paramref name="actor"/> may sign for <paramref name="role"/> at the gate's current run under
    /// <see cref="DistinctSigners"/>; otherwise a 403, audited like every refusal.
    /// </summary>
    private async Task<Outcome<GateView>?> WhyNotThisSignerAsync(Rollout rollout, int phaseIndex, SignOffRole role, Actor actor, CancellationToken cancellationToken)
    {
        var signed = GateRules.SignOffsOf(await RecordsAsync(rollout, phaseIndex, cancellationToken));
        return DistinctSigners.WhyRefused(rollout.Plan.Phases[phaseIndex].Gate, signed, role, actor.Name) is { } why
            ? Outcomes.Forbidden<GateView>(await authorization.RefuseAsync(actor, $"{Operation.SignOff}:{role}", rollout.Id, why, cancellationToken))
            : null;
    }

    /// <summary>
    /// After a sign-off or a tick is saved: tells every open page, opens the gate if it is now ready and answers with the
    /// gate. A state store lost meanwhile is answered "saved" (<see cref="OutcomeKind.StoreLostAfterSave"/>), never
    /// "nothing was changed": the lease holder's next turn starts with a sweep of the gates awaiting sign-off
    /// (<see cref="GateWatcher"/>), so a ready gate opens once the store is back.
    /// </summary>
    private async Task<Outcome<GateView>> AfterChangeAsync(Guid rolloutId, int phaseIndex, bool created, CancellationToken cancellationToken)
    {
        changes.Publish(rolloutId);
        try
        {
            await OpenIfReadyAsync(rolloutId, cancellationToken);
            var now = await GetAsync(rolloutId, phaseIndex, cancellationToken);
            return created && now.Value is { } view ? Outcomes.Created(view) : now;
        }
        catch (Exception ex) when (StateStoreUnreachable.Is(ex))
        {
            return Outcomes.StoreLostAfterSave<GateView>(
                $"Your {(created ? "sign-off" : "checklist tick")} was saved and audited. Then the state store stopped answering while the gate was "
                + "being checked, so it may not be open yet: once the store is back, the automation checks the gate again and opens it when "
                + "every required GO is in. Do not repeat this.");
        }
    }

    private async Task<(Rollout? Rollout, Outcome<GateView>? Refused)> LoadPhaseAsync(Guid rolloutId, int phaseIndex, CancellationToken cancellationToken)
    {
        if (await rollouts.LoadAsync(rolloutId, cancellationToken) is not { } rollout)
        {
            return (null, RolloutMissing(rolloutId));
        }

        return IsPhase(rollout, phaseIndex) ? (rollout, null) : (null, PhaseMissing(rollout, phaseIndex));
    }

    private async Task<GateView> ViewAsync(Rollout rollout, int phaseIndex, CancellationToken cancellationToken)
    {
        var stored = await RecordsAsync(rollout, phaseIndex, cancellationToken);
        var status = GateRules.Evaluate(rollout.Plan.Phases[phaseIndex], rollout.Phases[phaseIndex].State, stored);
        return GateView.From(rollout, phaseIndex, status, GateRules.SignOffsOf(stored));
    }

    /// <summary>The records of the phase's current run: none before it started, and none from before a retry.</summary>
    private async Task<GateRecords> RecordsAsync(Rollout rollout, int phaseIndex, CancellationToken cancellationToken) =>
        rollout.Phases[phaseIndex].StartedAt is { } runStartedAt
            ? await records.ListAsync(rollout.Id, phaseIndex, runStartedAt, cancellationToken)
            : GateRecords.None;

    private async Task<bool> ExecuteAsync(Guid rolloutId, RolloutAction action, string reason, CancellationToken cancellationToken)
    {
        var outcome = await rolloutService.ExecuteAsync(rolloutId, new RolloutCommand(action, AutomationActors.SignOffGate, reason, TrafficChangeSource.Automation), cancellationToken);
        // Saved in each of these three; what follows the save (the router, its record) is not the gate's to repeat.
        if (outcome.Kind is OutcomeKind.Succeeded or OutcomeKind.RouterFailed or OutcomeKind.StoreLostAfterSave)
        {
            return true;
        }

        // Someone (or another trigger) moved the rollout first: nothing to do.
        LogNotOpened(rolloutId, action, outcome.Kind, outcome.Detail);
        return false;
    }

    private static (ChecklistTemplate? Template, ChecklistItemTemplate? Item, string? Missing) FindItem(PlanPhase phase, string itemId)
    {
        if (phase.Gate.ChecklistTemplateId is not { } templateId)
        {
            return (null, null, $"Phase '{phase.Name}' has no checklist.");
        }

        if (BuiltInChecklists.Find(templateId) is not { } template)
        {
            return (null, null, $"The checklist '{templateId}' of phase '{phase.Name}' is unknown.");
        }

        return template.Items.FirstOrDefault(i => string.Equals(i.Id, itemId, StringComparison.Ordinal)) is { } item
            ? (template, item, null)
            : (template, null, $"The checklist '{template.Id}' has no item '{itemId}'; its items are {string.Join(", ", template.Items.Select(i => i.Id))}.");
    }

    private static string WhyOpen(PlanPhase phase, GateStatus status)
    {
        var signed = string.Join(", ", status.Roles.Select(r => $"{r.Latest!.By} ({GateStatus.RoleText(r.Role)})"));
        var checklist = status.Checklist is { } list ? $"; checklist '{list.Template.Name}' complete" : string.Empty;
        return $"Sign-off gate of phase '{phase.Name}' open: GO from {signed}{checklist}.";
    }

    private static SignOffRole? ParseRole(Dictionary<string, string[]> problems, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            problems["role"] = [$"role is required: one of {RoleNames}"];
            return null;
        }

        var trimmed = text.Trim();
        if (!char.IsAsciiDigit(trimmed[0]) && Enum.TryParse<SignOffRole>(trimmed, ignoreCase: true, out var role) && Enum.IsDefined(role))
        {
            return role;
        }

        problems["role"] = [$"there is no sign-off role '{trimmed}': one of {RoleNames}"];
        return null;
    }

    private static SignOffDecision? ParseDecision(Dictionary<string, string[]> problems, string? text)
    {
        var key = string.Concat((text ?? string.Empty).Where(char.IsLetter)).ToUpperInvariant();
        switch (key)
        {
            case "GO":
                return SignOffDecision.Go;
            case "NOGO":
                return SignOffDecision.NoGo;
            case "":
                problems["decision"] = ["decision is required: GO or NO-GO"];
                return null;
            default:
                problems["decision"] = [$"'{text!.Trim()}' is not a decision: GO or NO-GO"];
                return null;
        }
    }

    private static string? ValidateComment(Dictionary<string, string[]> problems, string? text, SignOffDecision? decision)
    {
        if (CommentProblem(text, decision) is { } problem)
        {
            problems["comment"] = [problem];
            return null;
        }

        return text!.Trim();
    }

    private static string NotRequired(PlanPhase phase, SignOffRole role) =>
        phase.Gate.Kind == GateKind.AutoAdvance
            ? $"phase '{phase.Name}' has no sign-off gate: it advances by itself when its checkpoints pass"
            : $"the gate of phase '{phase.Name}' does not ask the {GateStatus.RoleText(role)}: it asks {string.Join(", ", phase.Gate.RequiredRoles)}";

    private static bool IsPhase(Rollout rollout, int phaseIndex) => phaseIndex >= 0 && phaseIndex < rollout.Phases.Count;

    private static Outcome<GateView> RolloutMissing(Guid rolloutId) => Outcomes.NotFound<GateView>($"Rollout {rolloutId} does not exist.");

    private static Outcome<GateView> PhaseMissing(Rollout rollout, int phaseIndex) =>
        Outcomes.NotFound<GateView>($"Rollout {rollout.Id} has no phase {phaseIndex}; its phases are 0 to {rollout.Phases.Count - 1}.");

    public void Dispose() => _gate.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "The sign-off gate of rollout {RolloutId} did not {Action}: {Kind} {Detail}")]
    private partial void LogNotOpened(Guid rolloutId, RolloutAction action, OutcomeKind kind, string? detail);
}
