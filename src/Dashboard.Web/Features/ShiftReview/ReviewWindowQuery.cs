using System.Globalization;

namespace Dashboard.Web.Features.ShiftReview;

/// <summary>
/// A review request's window as typed (<c>from</c>, <c>to</c>, optional <c>rolloutId</c>, <c>kind</c>, <c>nextTo</c>),
/// checked all at once: every problem is reported by its field, nothing is clamped.
/// </summary>
public sealed record ReviewWindowQuery(DateTimeOffset From, DateTimeOffset To, Guid? RolloutId, TimelineKind? Kind, DateTimeOffset NextTo)
{
    /// <summary>The longest window one request may read.</summary>
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(7);

    /// <summary>
    /// The query, or null with every problem by field. The window may end at most <paramref name="maxAhead"/> after
    /// <paramref name="now"/>: the longest configured shift, so the current shift can be asked for whole.
    /// </summary>
    public static ReviewWindowQuery? Parse(
        string? from, string? to, string? rolloutId, string? kind, string? nextTo, DateTimeOffset now, TimeSpan maxAhead, out Dictionary<string, string[]> problems)
    {
        problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var start = Moment(problems, "from", from, required: true);
        var end = Moment(problems, "to", to, required: true);
        var next = Moment(problems, "nextTo", nextTo, required: false);
        Guid? rollout = null;
        if (!string.IsNullOrWhiteSpace(rolloutId))
        {
            if (Guid.TryParse(rolloutId.Trim(), out var id))
            {
                rollout = id;
            }
            else
            {
                problems["rolloutId"] = [$"'{rolloutId.Trim()}' is not a rollout id (a GUID)"];
            }
        }

        TimelineKind? timelineKind = null;
        if (!string.IsNullOrWhiteSpace(kind))
        {
            if (Enum.TryParse<TimelineKind>(kind.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(kind, out _))
            {
                timelineKind = parsed;
            }
            else
            {
                problems["kind"] = [$"there is no kind '{kind.Trim()}': one of {string.Join(", ", Enum.GetNames<TimelineKind>())}"];
            }
        }

        if (start is { } s && end is { } e)
        {
            if (s >= e)
            {
                problems["to"] = [$"to ({Write(e)}) must be after from ({Write(s)})"];
            }
            else if (e - s > MaxWindow)
            {
                problems["to"] = [$"the window is {TimelineWords.Length(e - s)} long; at most 7 days may be read at once"];
            }
            else if (e > now + maxAhead)
            {
                problems["to"] = [$"to ({Write(e)}) is more than {TimelineWords.Length(maxAhead)} (the longest shift) after now ({Write(now)}): nothing has happened there yet"];
            }
        }

        if (end is { } last && next is { } n && (n <= last || n - last > MaxWindow))
        {
            problems["nextTo"] = [$"nextTo ({Write(n)}) must be after to ({Write(last)}) and at most 7 days later"];
        }

        return problems.Count == 0 ? new(start!.Value, end!.Value, rollout, timelineKind, next ?? end!.Value + (end!.Value - start!.Value)) : null;
    }

    private static DateTimeOffset? Moment(Dictionary<string, string[]> problems, string field, string? text, bool required)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                problems[field] = [$"{field} is required: a UTC time such as 2026-11-02T08:00:00Z"];
            }

            return null;
        }

        if (DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var at)
            && (text.Trim().EndsWith('Z') || text.Contains('+', StringComparison.Ordinal) || text.LastIndexOf('-') > 9))
        {
            return at;
        }

        problems[field] = [$"'{text.Trim()}' is not a time with its zone, e.g. 2026-11-02T08:00:00Z"];
        return null;
    }

    private static string Write(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
