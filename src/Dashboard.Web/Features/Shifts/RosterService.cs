using Dashboard.Infrastructure.Persistence.Access;
using Dashboard.Infrastructure.Persistence.Shifts;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Shared;

namespace Dashboard.Web.Features.Shifts;

/// <summary>
/// Reads and changes the roster — the one path for the /roster page and the API. A change is authorized
/// (operations leads and admins), validated as a whole (<see cref="RosterValidator"/>), saved all or none with
/// its audit event, then announced to open pages.
/// </summary>
public sealed class RosterService(
    ShiftService shifts, RosterStore roster, PeopleStore people, RosterValidator validator, AccessAuthorization authorization, ShiftFeed feed, TimeProvider timeProvider)
{
    /// <summary>The patterns, the defaults, and the shifts of [from, to) with who is on each.</summary>
    public async Task<Outcome<RosterView>> ReadAsync(string? from, string? to, CancellationToken cancellationToken = default)
    {
        var listed = await shifts.ListAsync(from, to, cancellationToken);
        if (listed.Kind != OutcomeKind.Succeeded)
        {
            return Outcomes.Invalid<RosterView>(listed.Problems);
        }

        var names = (await people.ListAsync(cancellationToken)).ToDictionary(p => p.NormalizedUserName, p => p.DisplayName, StringComparer.Ordinal);
        var defaults = (await roster.DefaultsAsync(cancellationToken)).Select(d => new RosterDefaultView(
            d.Pattern!,
            d.Day is null ? null : Enum.Parse<DayOfWeek>(d.Day),
            RosterPerson.Named(d.Primary, names),
            RosterPerson.Named(d.Secondary, names),
            RosterPerson.List(d.Leads, names)));
        return Outcomes.Succeeded(new RosterView(shifts.PatternNames, [.. defaults], listed.Value!));
    }

    /// <summary>The people who may be put on the roster (everyone enabled), by display name.</summary>
    public async Task<IReadOnlyList<RosterCandidate>> CandidatesAsync(CancellationToken cancellationToken = default) =>
    [
        .. (await people.ListAsync(cancellationToken)).Where(p => !p.Disabled)
            .Select(p => new RosterCandidate(p.UserName, p.DisplayName, WarRoomRoles.ParseList(p.Roles).Overlaps(WarRoomRoles.Leads)))
            .OrderBy(p => p.DisplayName, StringComparer.OrdinalIgnoreCase),
    ];

    /// <summary>True when <paramref name="actor"/> may change the roster (the page shows the editors only then; <see cref="ChangeAsync"/> checks again).</summary>
    public static bool MayEdit(Actor actor) => AccessRules.Allows(actor, Operation.EditRoster);

    /// <summary>Creates or replaces the given defaults and overrides, all or none.</summary>
    public async Task<Outcome<RosterView>> ChangeAsync(RosterChangeRequest request, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(actor);
        if (await authorization.RequireAsync(actor, Operation.EditRoster, null, cancellationToken) is { } denial)
        {
            return Outcomes.Forbidden<RosterView>(denial);
        }

        var enabled = (await people.ListAsync(cancellationToken)).Where(p => !p.Disabled).ToDictionary(p => p.NormalizedUserName, p => p.UserName, StringComparer.Ordinal);
        var problems = new Dictionary<string, string[]>();
        var drafts = validator.Validate(request, enabled, timeProvider.GetUtcNow(), problems);
        if (problems.Count > 0)
        {
            return Outcomes.Invalid<RosterView>(problems);
        }

        await roster.SaveAsync(drafts, actor.Name, cancellationToken);
        feed.Publish(new ShiftChanged(null));
        return await ReadAsync(null, null, cancellationToken);
    }

    /// <summary>Removes the override of shift <paramref name="shiftId"/>, so its pattern's default applies again.</summary>
    public async Task<Outcome<RosterView>> RemoveOverrideAsync(string? shiftId, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (await authorization.RequireAsync(actor, Operation.EditRoster, null, cancellationToken) is { } denial)
        {
            return Outcomes.Forbidden<RosterView>(denial);
        }

        if (shifts.Resolve(shiftId) is not { } shift)
        {
            return shifts.Refusal<RosterView>(shiftId);
        }

        if (!await roster.RemoveOverrideAsync(shift.Id, actor.Name, cancellationToken))
        {
            return Outcomes.NotFound<RosterView>($"The {shift.Name} shift {shift.Id} has no override.");
        }

        feed.Publish(new ShiftChanged(null));
        return await ReadAsync(null, null, cancellationToken);
    }
}
