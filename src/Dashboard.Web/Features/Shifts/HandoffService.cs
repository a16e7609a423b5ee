using System.Globalization;
using Dashboard.Infrastructure.Persistence.Shifts;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Shared;
using Dashboard.Web.Shared.Time;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Shifts;

/// <summary>
/// Hands a shift off and acknowledges it — the one path for the UI and the API: authorizes (people on the shift, or
/// a lead), validates every field at once, saves with the audit event, then tells open pages (docs/shifts.md).
/// </summary>
public sealed class HandoffService(
    ShiftService shifts, ShiftCalendar calendar, RosterReader rosters, ShiftHandoffStore handoffs, AccessAuthorization authorization, ShiftFeed feed,
    IOptions<ShiftOptions> options, TimeProvider timeProvider)
{
    /// <summary>The outgoing shift <paramref name="id"/> writes its notes and risks and hands off.</summary>
    public async Task<Outcome<ShiftView>> HandOffAsync(string? id, HandoffRequest request, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(actor);
        if (shifts.Resolve(id) is not { } shift)
        {
            return shifts.Refusal<ShiftView>(id);
        }

        if (await RequireOnShiftAsync(actor, shift, Operation.HandOff, "hand off", cancellationToken) is { } denial)
        {
            return Outcomes.Forbidden<ShiftView>(denial);
        }

        if (Problems(request) is { Count: > 0 } problems)
        {
            return Outcomes.Invalid<ShiftView>(problems);
        }

        var opensAt = shift.End - options.Value.HandoffOpensBefore;
        if (timeProvider.GetUtcNow() < opensAt)
        {
            return Outcomes.Conflict<ShiftView>($"The handoff of the {shift.Name} shift opens at {UtcTime.Stamp(opensAt)}, {options.Value.HandoffOpensBefore.TotalMinutes.ToString(CultureInfo.InvariantCulture)} minutes before it ends.");
        }

        var change = await handoffs.HandOffAsync(shift.Id, request.Notes!.Trim(), request.Risks!.Trim(), actor.Name, cancellationToken);
        if (change.Refusal == HandoffRefusal.AlreadyHandedOff)
        {
            return Outcomes.Conflict<ShiftView>($"The {shift.Name} shift was already handed off by {change.Handoff?.HandedOffBy}.");
        }

        return await SavedAsync(shift, cancellationToken);
    }

    /// <summary>The incoming shift says "I have it" to the handoff of shift <paramref name="id"/>.</summary>
    public async Task<Outcome<ShiftView>> AcknowledgeAsync(string? id, AcknowledgeRequest request, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(actor);
        if (shifts.Resolve(id) is not { } shift)
        {
            return shifts.Refusal<ShiftView>(id);
        }

        // The incoming shift acknowledges: the one after the shift that hands off.
        if (await RequireOnShiftAsync(actor, calendar.Next(shift), Operation.AcknowledgeHandoff, "acknowledge the handoff to", cancellationToken) is { } denial)
        {
            return Outcomes.Forbidden<ShiftView>(denial);
        }

        if (request.Question is { } question && question.Trim().Length > ShiftRecordLimits.QuestionLength)
        {
            return Outcomes.Invalid<ShiftView>("question", $"must be at most {ShiftRecordLimits.QuestionLength} characters (this is {question.Trim().Length})");
        }

        var change = await handoffs.AcknowledgeAsync(shift.Id, string.IsNullOrWhiteSpace(request.Question) ? null : request.Question.Trim(), actor.Name, cancellationToken);
        return change.Refusal switch
        {
            HandoffRefusal.NotHandedOff => Outcomes.Conflict<ShiftView>($"The {shift.Name} shift has not handed off yet: there is nothing to acknowledge."),
            HandoffRefusal.AlreadyAcknowledged => Outcomes.Conflict<ShiftView>($"{change.Handoff?.AcknowledgedBy} already acknowledged the handoff of the {shift.Name} shift."),
            _ => await SavedAsync(shift, cancellationToken),
        };
    }

    /// <summary>What <paramref name="actor"/> may do with the handoff of <paramref name="shift"/>; the form shows only those buttons (the services check again).</summary>
    public async Task<HandoffPermissions> PermissionsAsync(ShiftWindow shift, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(shift);
        var next = calendar.Next(shift);
        var roster = await rosters.ForAsync([shift, next], cancellationToken);
        return new(MayWrite(actor, roster[shift.Id], Operation.HandOff), MayWrite(actor, roster[next.Id], Operation.AcknowledgeHandoff));
    }

    /// <summary>What is wrong with a handoff's fields; the form shows the same words.</summary>
    public static Dictionary<string, string[]> Problems(HandoffRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new Dictionary<string, string[]>();
        if (InputRules.RequiredText(request.Notes, ShiftRecordLimits.TextLength, "notes are required: what happened, what is in flight") is { } notes)
        {
            problems["notes"] = [notes];
        }

        if (InputRules.RequiredText(request.Risks, ShiftRecordLimits.TextLength, "risks to watch are required (write \"none\" if there are none)") is { } risks)
        {
            problems["risks"] = [risks];
        }

        return problems;
    }

    /// <summary>True when <paramref name="actor"/> may write the handoff of <paramref name="roster"/>'s shift: on it, or a lead.</summary>
    public static bool MayWrite(Actor actor, ShiftRoster roster, Operation operation)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(roster);
        return (actor.Kind == ActorKind.Person && roster.Includes(actor.Name)) || AccessRules.Allows(actor, operation);
    }

    private async Task<string?> RequireOnShiftAsync(Actor actor, ShiftWindow shift, Operation operation, string verb, CancellationToken cancellationToken)
    {
        if (MayWrite(actor, await rosters.ForAsync(shift, cancellationToken), operation))
        {
            return null;
        }

        var why = actor.Kind is ActorKind.Person or ActorKind.ApiKey
            ? $"{actor.Name} may not {verb} the {shift.Name} shift ({shift.Id}): only the people on it and the leads may."
            : $"{actor.Name} may not {verb} a shift: only the people on it and the leads may.";
        return await authorization.RefuseAsync(actor, operation.ToString(), null, why, cancellationToken);
    }

    private async Task<Outcome<ShiftView>> SavedAsync(ShiftWindow shift, CancellationToken cancellationToken)
    {
        feed.Publish(new ShiftChanged(shift.Id));
        return Outcomes.Succeeded((await shifts.ViewsAsync([shift], cancellationToken))[0]);
    }
}
