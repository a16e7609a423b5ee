using Dashboard.Infrastructure.Persistence.Shifts;

namespace Dashboard.Web.Features.Shifts;

/// <summary>
/// Checks a roster change field by field and turns it into drafts to store: known patterns and weekdays, known
/// shifts that have not ended, known and enabled people, no assignment twice, overrides within 7 days. Every
/// problem is named by its JSON path (e.g. <c>overrides[1].primary</c>).
/// </summary>
public sealed class RosterValidator(ShiftCalendar calendar)
{
    /// <summary>The most leads one shift may list.</summary>
    public const int MaxLeads = 10;

    /// <param name="request">The change.</param>
    /// <param name="people">Normalized user names of the people who may be on the roster (enabled), to their user names.</param>
    /// <param name="now">Overrides of shifts that ended before now are refused.</param>
    /// <param name="problems">Filled with every problem found.</param>
    public IReadOnlyList<RosterAssignmentDraft> Validate(
        RosterChangeRequest request, IReadOnlyDictionary<string, string> people, DateTimeOffset now, Dictionary<string, string[]> problems)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(problems);
        var defaults = request.Defaults ?? [];
        var overrides = request.Overrides ?? [];
        if (defaults.Count + overrides.Count == 0)
        {
            problems["roster"] = ["nothing to change: give defaults or overrides"];
            return [];
        }

        var drafts = new List<RosterAssignmentDraft>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var starts = new List<DateTimeOffset>();
        for (var i = 0; i < defaults.Count; i++)
        {
            var path = $"defaults[{i}]";
            var item = defaults[i];
            var pattern = calendar.Pattern(item.Pattern);
            if (pattern is null)
            {
                Add(problems, $"{path}.pattern", string.IsNullOrWhiteSpace(item.Pattern)
                    ? $"a pattern is required: one of {string.Join(", ", calendar.PatternNames)}"
                    : $"'{item.Pattern}' is not a shift: use one of {string.Join(", ", calendar.PatternNames)}");
            }

            DayOfWeek? day = null;
            if (!string.IsNullOrWhiteSpace(item.Day))
            {
                if (Enum.TryParse<DayOfWeek>(item.Day.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !char.IsAsciiDigit(item.Day.Trim()[0]))
                {
                    day = parsed;
                }
                else
                {
                    Add(problems, $"{path}.day", $"'{item.Day}' is not a weekday: use Monday … Sunday, or leave it out for every day");
                }
            }

            if (!string.IsNullOrWhiteSpace(item.ShiftId))
            {
                Add(problems, $"{path}.shiftId", "a default is for a pattern, not one shift: put it under overrides");
            }

            var names = People(problems, path, item, people);
            if (pattern is not null)
            {
                Unique(problems, seen, RosterKeys.Default(pattern.Name, day), path);
                if (names is not null)
                {
                    drafts.Add(new RosterAssignmentDraft(pattern.Name, day, null, names.Primary, names.Secondary, names.Leads));
                }
            }
        }

        for (var i = 0; i < overrides.Count; i++)
        {
            var path = $"overrides[{i}]";
            var item = overrides[i];
            var shift = calendar.Find(item.ShiftId?.Trim(), out var idProblem);
            if (shift is null)
            {
                Add(problems, $"{path}.shiftId", idProblem == ShiftIdProblem.NoSuchShift
                    ? $"no shift starts at {item.ShiftId}: the shifts are {string.Join(", ", calendar.PatternNames)}"
                    : $"'{item.ShiftId}' is not a shift id: use the shift's start in UTC as {ShiftCalendar.IdFormat}");
            }
            else if (shift.End <= now)
            {
                Add(problems, $"{path}.shiftId", $"the {shift.Name} shift {shift.Id} has ended: its roster is history");
            }

            if (!string.IsNullOrWhiteSpace(item.Pattern) || !string.IsNullOrWhiteSpace(item.Day))
            {
                Add(problems, $"{path}.pattern", "an override is for one shift: leave pattern and day out");
            }

            var names = People(problems, path, item, people);
            if (shift is not null)
            {
                // Checked whether or not the people are right, so every problem is listed at once.
                starts.Add(shift.Start);
                Unique(problems, seen, RosterKeys.Override(shift.Id), path);
                if (names is not null)
                {
                    drafts.Add(new RosterAssignmentDraft(null, null, shift.Id, names.Primary, names.Secondary, names.Leads));
                }
            }
        }

        if (starts.Count > 1 && starts.Max() - starts.Min() >= ShiftService.MaxWindow)
        {
            Add(problems, "overrides", "the overrides span more than 7 days: send at most 7 days of shifts at once");
        }

        return problems.Count == 0 ? drafts : [];
    }

    private static Assigned? People(Dictionary<string, string[]> problems, string path, RosterAssignmentRequest item, IReadOnlyDictionary<string, string> people)
    {
        var before = Count(problems);
        var primary = Person(problems, $"{path}.primary", item.Primary, people, required: true);
        var secondary = Person(problems, $"{path}.secondary", item.Secondary, people, required: false);
        if (primary is not null && string.Equals(primary, secondary, StringComparison.Ordinal))
        {
            Add(problems, $"{path}.secondary", "the secondary must be someone other than the primary");
        }

        var leads = new List<string>();
        var given = item.Leads ?? [];
        if (given.Count > MaxLeads)
        {
            Add(problems, $"{path}.leads", $"at most {MaxLeads} leads (not {given.Count})");
        }

        for (var j = 0; j < given.Count; j++)
        {
            if (Person(problems, $"{path}.leads[{j}]", given[j], people, required: true) is { } lead)
            {
                if (leads.Contains(lead, StringComparer.Ordinal))
                {
                    Add(problems, $"{path}.leads[{j}]", $"{lead} is listed twice");
                }

                leads.Add(lead);
            }
        }

        return Count(problems) == before ? new Assigned(primary!, secondary, leads) : null;
    }

    private static string? Person(Dictionary<string, string[]> problems, string field, string? userName, IReadOnlyDictionary<string, string> people, bool required)
    {
        if (string.IsNullOrWhiteSpace(userName))
        {
            if (required)
            {
                Add(problems, field, "a person is required: give their user name");
            }

            return null;
        }

        if (people.TryGetValue(userName.Trim().ToLowerInvariant(), out var known))
        {
            return known;
        }

        Add(problems, field, $"'{userName.Trim()}' is not a person who can sign in: add them under Admin first");
        return null;
    }

    private static void Unique(Dictionary<string, string[]> problems, Dictionary<string, string> seen, string key, string path)
    {
        if (seen.TryGetValue(key, out var first))
        {
            Add(problems, path, $"overlaps {first}: the same shift is assigned twice");
            return;
        }

        seen[key] = path;
    }

    private static int Count(Dictionary<string, string[]> problems) => problems.Values.Sum(p => p.Length);

    private static void Add(Dictionary<string, string[]> problems, string field, string problem) =>
        problems[field] = problems.TryGetValue(field, out var existing) ? [.. existing, problem] : [problem];

    private sealed record Assigned(string Primary, string? Secondary, IReadOnlyList<string> Leads);
}
