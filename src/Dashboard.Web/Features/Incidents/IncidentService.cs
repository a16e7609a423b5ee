using Dashboard.Core.Incidents;
using Dashboard.Core.Rollouts;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Features.Rollouts;
using Dashboard.Web.Shared;

namespace Dashboard.Web.Features.Incidents;

/// <summary>
/// Opens, updates and resolves incidents of a rollout — the one path for the UI and the API: authorizes,
/// validates every field at once, stores the change with its audit event, then tells every open page.
/// Checkpoints read what is stored here for "zero critical incidents" (<c>IncidentLogCounts</c>).
/// </summary>
public sealed class IncidentService(
    IncidentStore incidents, RolloutStore rollouts, RolloutService rolloutService, AccessAuthorization authorization, RolloutChangeFeed changes)
{

    public async Task<Outcome<IncidentView>> OpenAsync(Guid rolloutId, OpenIncidentRequest request, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(actor);
        if (await authorization.RequireAsync(actor, Operation.OpenIncident, rolloutId, cancellationToken) is { } denial)
        {
            return Outcomes.Forbidden<IncidentView>(denial);
        }

        var problems = new Dictionary<string, string[]>();
        RequireName(problems, "actor", actor.Name);
        var severity = ParseSeverity(problems, request.Severity, required: true);
        var title = RequireText(problems, "title", request.Title, IncidentLimits.TitleLength);
        var description = RequireText(problems, "description", request.Description, IncidentLimits.TextLength);
        var owner = RequireText(problems, "owner", request.Owner, IncidentLimits.NameLength);
        if (problems.Count > 0)
        {
            return Outcomes.Invalid<IncidentView>(problems);
        }

        if (await rollouts.LoadAsync(rolloutId, cancellationToken) is not { } rollout)
        {
            return Outcomes.NotFound<IncidentView>($"Rollout {rolloutId} does not exist.");
        }

        var incident = await incidents.OpenAsync(
            rolloutId, rollout.CurrentPhaseIndex, severity!.Value, title!, description!, owner!, request.DataLoss, actor.Name, cancellationToken);
        return await AfterSaveAsync(incident, severity == IncidentSeverity.Critical, "opened", Outcomes.Created, cancellationToken);
    }

    /// <summary>Adds a timeline entry (and a new severity or owner if given); <paramref name="resolve"/> also closes the incident.</summary>
    public async Task<Outcome<IncidentView>> UpdateAsync(Guid incidentId, IncidentUpdateRequest request, Actor actor, bool resolve, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(actor);
        if (await authorization.RequireAsync(actor, resolve ? Operation.ResolveIncident : Operation.UpdateIncident, null, cancellationToken) is { } denial)
        {
            return Outcomes.Forbidden<IncidentView>(denial);
        }

        var problems = new Dictionary<string, string[]>();
        RequireName(problems, "actor", actor.Name);
        var text = RequireText(problems, "text", request.Text, IncidentLimits.TextLength);
        var severity = ParseSeverity(problems, request.Severity, required: false);
        var owner = request.Owner is null ? null : RequireText(problems, "owner", request.Owner, IncidentLimits.NameLength);
        if (problems.Count > 0)
        {
            return Outcomes.Invalid<IncidentView>(problems);
        }

        var change = await incidents.AppendAsync(incidentId, new IncidentUpdateDraft(actor.Name, text!, severity, owner), resolve, cancellationToken);
        switch (change.Refusal)
        {
            case IncidentChangeRefusal.NotFound:
                return Outcomes.NotFound<IncidentView>($"Incident {incidentId} does not exist.");
            case IncidentChangeRefusal.AlreadyResolved:
                return Outcomes.Conflict<IncidentView>($"Incident {incidentId} is resolved; open a new incident instead.");
        }

        return await AfterSaveAsync(
            change.Incident!, severity == IncidentSeverity.Critical && !resolve, resolve ? "resolved" : "updated", Outcomes.Succeeded, cancellationToken);
    }

    /// <summary>
    /// What is wrong with the text of <paramref name="field"/>: missing, whitespace alone, or longer than
    /// <paramref name="maxLength"/> once trimmed. The dialogs show the same words beside the field.
    /// </summary>
    public static string? TextProblem(string field, string? text, int maxLength)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return $"{field} is required";
        }

        return trimmed.Length > maxLength ? $"{field} is longer than {maxLength} characters ({trimmed.Length})" : null;
    }

    /// <summary>The rollout's incidents, newest first, or null when there is no such rollout.</summary>
    public async Task<IReadOnlyList<IncidentView>?> ListAsync(Guid rolloutId, CancellationToken cancellationToken = default) =>
        await rollouts.FindAsync(rolloutId, cancellationToken) is null
            ? null
            : [.. (await incidents.ListAsync(rolloutId, cancellationToken)).Select(IncidentView.From)];

    /// <summary>Every open incident of any rollout, most severe first: what the war room must see.</summary>
    public async Task<IReadOnlyList<IncidentView>> ListOpenAsync(CancellationToken cancellationToken = default) =>
        [.. (await incidents.ListOpenAsync(cancellationToken)).Select(IncidentView.From)];

    public async Task<IncidentView?> FindAsync(Guid incidentId, CancellationToken cancellationToken = default) =>
        await incidents.FindAsync(incidentId, cancellationToken) is { } incident ? IncidentView.From(incident) : null;

    /// <summary>
    /// After the incident's change is saved: tells every open page and, for a critical one, holds the phase when the
    /// plan says so. A state store lost meanwhile is answered "saved" (<see cref="OutcomeKind.StoreLostAfterSave"/>,
    /// docs/high-availability.md, "Saved, then the store went away"), never "nothing was changed": the incident is on
    /// the record, and opening it again would be a second incident.
    /// </summary>
    private async Task<Outcome<IncidentView>> AfterSaveAsync(
        IncidentRecord incident, bool critical, string done, Func<IncidentView, Outcome<IncidentView>> answer, CancellationToken cancellationToken)
    {
        changes.Publish(incident.RolloutId);
        if (critical)
        {
            try
            {
                await HoldIfThePlanSaysSoAsync(incident, cancellationToken);
            }
            catch (Exception ex) when (StateStoreUnreachable.Is(ex))
            {
                return Outcomes.StoreLostAfterSave<IncidentView>(
                    $"The incident '{incident.Title}' was {done} and audited. It is critical, and the state store stopped answering before the "
                    + "plan's hold on a critical incident could be checked or saved, so the phase may not be held yet: once the store is back, "
                    + "the automation holds it unless someone acts on the rollout first. Do not repeat this.");
            }
        }

        return answer(IncidentView.From(incident));
    }

    /// <summary>
    /// The hold a critical incident should have brought and did not, because the state store went away (or the instance
    /// died) between the incident's save and the hold (<see cref="CriticalIncidentHoldWatcher"/>): holds the phase when the
    /// plan says so, the phase can be held, and an open incident of the rollout became critical after the rollout was last
    /// saved — so nobody and nothing has acted on it since, not even to resume it — and before
    /// <paramref name="criticalBefore"/>, so the service's own hold has had its moment. Returns whether it held.
    /// </summary>
    public async Task<bool> HoldIfMissedAsync(Guid rolloutId, DateTimeOffset criticalBefore, CancellationToken cancellationToken = default)
    {
        if (!await PlanHoldsNowAsync(rolloutId, cancellationToken) || await rollouts.LastSavedAtAsync(rolloutId, cancellationToken) is not { } lastSaved)
        {
            return false;
        }

        var missed = (await incidents.ListAsync(rolloutId, cancellationToken))
            .Where(i => i.ResolvedAt is null && CriticalSince(i) is { } since && since > lastSaved && since < criticalBefore)
            .OrderBy(CriticalSince)
            .FirstOrDefault();
        if (missed is null)
        {
            return false;
        }

        var outcome = await HoldForAsync(
            missed, " Held late: the hold that should have followed the incident was lost with the state store or an instance.", cancellationToken);
        return outcome.Kind is OutcomeKind.Succeeded or OutcomeKind.RouterFailed or OutcomeKind.StoreLostAfterSave;
    }

    /// <summary>Since when the incident has been critical without a break (its timeline, oldest first), or null when it is not.</summary>
    private static DateTimeOffset? CriticalSince(IncidentRecord incident)
    {
        DateTimeOffset? since = null;
        foreach (var entry in incident.Updates.OrderBy(u => u.At))
        {
            since = entry.Severity == nameof(IncidentSeverity.Critical) ? since ?? entry.At : null;
        }

        return since;
    }

    /// <summary>
    /// Holds the rollout's phase when its plan says a critical incident does (<c>holdOnCriticalIncident</c>)
    /// and the phase can be held; the hold goes through <see cref="RolloutService"/> like any other, saved
    /// and audited after the incident itself.
    /// </summary>
    private async Task HoldIfThePlanSaysSoAsync(IncidentRecord incident, CancellationToken cancellationToken)
    {
        if (await PlanHoldsNowAsync(incident.RolloutId, cancellationToken))
        {
            await HoldForAsync(incident, string.Empty, cancellationToken);
        }
    }

    /// <summary>Whether the rollout's current phase holds on a critical incident (<c>holdOnCriticalIncident</c>) and can be held now.</summary>
    private async Task<bool> PlanHoldsNowAsync(Guid rolloutId, CancellationToken cancellationToken) =>
        await rollouts.LoadAsync(rolloutId, cancellationToken) is { } rollout
        && rollout.CurrentPhase.HoldOnCriticalIncident
        && PhaseStateMachine.IsAllowed(rollout.CurrentState, RolloutAction.Hold);

    /// <summary>Holds the incident's rollout as the incidents' automation, naming the incident (and <paramref name="note"/>) in the reason.</summary>
    private Task<Outcome<RolloutCommandResponse>> HoldForAsync(IncidentRecord incident, string note, CancellationToken cancellationToken) =>
        rolloutService.ExecuteAsync(
            incident.RolloutId,
            new RolloutCommand(
                RolloutAction.Hold, AutomationActors.Incidents,
                $"Critical incident '{incident.Title}' (owner {incident.Owner}): the plan holds the phase on a critical incident.{note}",
                TrafficChangeSource.Automation),
            cancellationToken);

    private static IncidentSeverity? ParseSeverity(Dictionary<string, string[]> problems, string? text, bool required)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                problems["severity"] = ["severity is required: low, high or critical"];
            }

            return null;
        }

        if (Enum.TryParse<IncidentSeverity>(text.Trim(), ignoreCase: true, out var severity) && Enum.IsDefined(severity))
        {
            return severity;
        }

        problems["severity"] = [$"'{text}' is not one of low, high, critical"];
        return null;
    }

    private static string? RequireText(Dictionary<string, string[]> problems, string field, string? text, int maxLength)
    {
        if (TextProblem(field, text, maxLength) is { } problem)
        {
            problems[field] = [problem];
            return null;
        }

        return text!.Trim();
    }

    private static void RequireName(Dictionary<string, string[]> problems, string field, string name) =>
        RequireText(problems, field, name, IncidentLimits.NameLength);
}
