using Dashboard.Infrastructure.Persistence.Shifts;
using Dashboard.Web.Shared;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Shifts;

/// <summary>Reads shifts with their roster and handoff: one by id (or <c>current</c>, <c>previous</c>, <c>next</c>), a period, and who is on call.</summary>
public sealed class ShiftService(ShiftCalendar calendar, RosterReader rosters, ShiftHandoffStore handoffs, IOptions<ShiftOptions> options, TimeProvider timeProvider)
{
    /// <summary>The longest period one request may list.</summary>
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(7);

    public IReadOnlyList<string> PatternNames => calendar.PatternNames;

    /// <summary>The shift <paramref name="id"/> names: its window id, or <c>current</c>, <c>previous</c>, <c>next</c>.</summary>
    public async Task<Outcome<ShiftView>> GetAsync(string? id, CancellationToken cancellationToken = default)
    {
        if (Resolve(id) is not { } shift)
        {
            return Refusal<ShiftView>(id);
        }

        return Outcomes.Succeeded((await ViewsAsync([shift], cancellationToken))[0]);
    }

    /// <summary>The window <paramref name="id"/> names, or null (<see cref="Refusal{T}"/> says why).</summary>
    public ShiftWindow? Resolve(string? id) => id?.Trim().ToLowerInvariant() switch
    {
        "current" => calendar.Current,
        "previous" => calendar.Previous(calendar.Current),
        "next" => calendar.Next(calendar.Current),
        _ => calendar.Find(id, out _),
    };

    /// <summary>The 400 or 404 answer for an id <see cref="Resolve"/> found no shift for.</summary>
    public Outcome<T> Refusal<T>(string? id)
        where T : class
    {
        calendar.Find(id, out var problem);
        return problem == ShiftIdProblem.NoSuchShift
            ? Outcomes.NotFound<T>($"No shift starts at {id}: the shifts are {string.Join(", ", calendar.PatternNames)}.")
            : Outcomes.Invalid<T>("id", $"'{id}' is not a shift id: use the shift's start in UTC as {ShiftCalendar.IdFormat} (e.g. 20261206-0800), or current, previous, next");
    }

    /// <summary>The shifts overlapping [from, to) — by default the current shift and the next two — at most <see cref="MaxWindow"/> apart.</summary>
    public async Task<Outcome<IReadOnlyList<ShiftView>>> ListAsync(string? from, string? to, CancellationToken cancellationToken = default)
    {
        var problems = new Dictionary<string, string[]>();
        var start = ParseTime(problems, "from", from) ?? calendar.Current.Start;
        var end = ParseTime(problems, "to", to) ?? start + TimeSpan.FromDays(1);
        if (problems.Count == 0 && end <= start)
        {
            problems["to"] = ["must be after from"];
        }
        else if (problems.Count == 0 && end - start > MaxWindow)
        {
            problems["to"] = [$"the window is {(end - start).TotalDays:0.##} days; at most 7 days may be asked at once"];
        }

        if (problems.Count > 0)
        {
            return Outcomes.Invalid<IReadOnlyList<ShiftView>>(problems);
        }

        return Outcomes.Succeeded(await ViewsAsync(calendar.Between(start, end), cancellationToken));
    }

    /// <summary>Who is on call now and next, and the last handoff when it is overdue.</summary>
    public async Task<OnCallView> OnCallAsync(CancellationToken cancellationToken = default)
    {
        var current = calendar.Current;
        var views = await ViewsAsync([calendar.Previous(current), current, calendar.Next(current)], cancellationToken);
        return new OnCallView(views[1], views[2], views[0].Handoff.Overdue ? views[0] : null);
    }

    public async Task<IReadOnlyList<ShiftView>> ViewsAsync(IReadOnlyList<ShiftWindow> shifts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(shifts);
        var roster = await rosters.ForAsync(shifts, cancellationToken);
        var records = await handoffs.FindAllAsync([.. shifts.Select(s => s.Id)], cancellationToken);
        var now = timeProvider.GetUtcNow();
        return
        [
            .. shifts.Select(s => new ShiftView(
                s.Id, s.Name, s.Start, s.End, roster[s.Id],
                HandoffView.From(records.GetValueOrDefault(s.Id), s.End - options.Value.HandoffOpensBefore, now),
                calendar.Previous(s).Id, calendar.Next(s).Id)),
        ];
    }

    private static DateTimeOffset? ParseTime(Dictionary<string, string[]> problems, string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at))
        {
            return at.ToUniversalTime();
        }

        problems[field] = [$"'{text}' is not a time: use ISO 8601, e.g. 2026-12-06T08:00:00Z"];
        return null;
    }
}
