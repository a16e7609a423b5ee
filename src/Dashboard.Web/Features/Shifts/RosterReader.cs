using Dashboard.Infrastructure.Persistence.Access;
using Dashboard.Infrastructure.Persistence.Shifts;

namespace Dashboard.Web.Features.Shifts;

/// <summary>
/// Who is on each shift: the shift's override, else the pattern's default for the shift's weekday, else the
/// pattern's default for every day (docs/shifts.md). People are shown by display name.
/// </summary>
public sealed class RosterReader(RosterStore roster, PeopleStore people)
{
    public async Task<IReadOnlyDictionary<string, ShiftRoster>> ForAsync(IReadOnlyList<ShiftWindow> shifts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(shifts);
        if (shifts.Count == 0)
        {
            return new Dictionary<string, ShiftRoster>();
        }

        var defaults = await roster.DefaultsAsync(cancellationToken);
        var overrides = (await roster.OverridesAsync(shifts[0].Id, shifts[^1].Id, cancellationToken)).ToDictionary(o => o.ShiftId!, StringComparer.Ordinal);
        var names = (await people.ListAsync(cancellationToken)).ToDictionary(p => p.NormalizedUserName, p => p.DisplayName, StringComparer.Ordinal);
        return shifts.ToDictionary(
            s => s.Id,
            s => overrides.TryGetValue(s.Id, out var one) ? From(one, RosterSource.Override, names) : FromDefaults(s, defaults, names),
            StringComparer.Ordinal);
    }

    public async Task<ShiftRoster> ForAsync(ShiftWindow shift, CancellationToken cancellationToken = default) =>
        (await ForAsync([shift], cancellationToken))[shift.Id];

    private static ShiftRoster FromDefaults(ShiftWindow shift, IReadOnlyList<RosterAssignmentRecord> defaults, Dictionary<string, string> names)
    {
        var day = shift.Start.DayOfWeek.ToString();
        var chosen = defaults.FirstOrDefault(d => d.Pattern == shift.Name && d.Day == day) ?? defaults.FirstOrDefault(d => d.Pattern == shift.Name && d.Day is null);
        return chosen is null ? ShiftRoster.Empty : From(chosen, RosterSource.Default, names);
    }

    private static ShiftRoster From(RosterAssignmentRecord record, RosterSource source, Dictionary<string, string> names) => new(
        source,
        RosterPerson.Named(record.Primary, names),
        RosterPerson.Named(record.Secondary, names),
        RosterPerson.List(record.Leads, names));
}
