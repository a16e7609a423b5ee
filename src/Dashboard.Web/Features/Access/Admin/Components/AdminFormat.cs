using System.Globalization;
using Dashboard.Web.Shared;

namespace Dashboard.Web.Features.Access.Admin.Components;

/// <summary>How the admin page writes times and roles.</summary>
internal static class AdminFormat
{
    public static string Time(DateTimeOffset? at) =>
        at is { } value ? value.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "—";

    /// <summary>"Live", "Expired", or "Revoked by root, 2026-11-23 09:05 UTC".</summary>
    public static string State(AccessGrantState state, string? revokedBy, DateTimeOffset? revokedAt) => state switch
    {
        AccessGrantState.Revoked => $"Revoked by {revokedBy}, {Time(revokedAt)}",
        AccessGrantState.Expired => "Expired",
        _ => "Live",
    };

    /// <summary>How a day is typed in the admin forms.</summary>
    public const string DayFormat = "yyyy-MM-dd";

    /// <summary>The problem with a typed day that is not one.</summary>
    public const string NotADay = "must be a date written yyyy-MM-dd, e.g. 2027-03-01";

    public static string Day(DateTime day) => day.ToString(DayFormat, CultureInfo.InvariantCulture);

    /// <summary>00:00 UTC of the day typed as <see cref="DayFormat"/>; false for anything else (never a nearby day).</summary>
    public static bool TryParseDay(string? text, out DateTimeOffset startOfDay)
    {
        var parsed = DateOnly.TryParseExact(text?.Trim(), DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day);
        startOfDay = parsed ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : default;
        return parsed;
    }

    /// <summary>"Operator, Engineering lead", or "Viewer only" when nothing is granted.</summary>
    public static string Roles(IReadOnlyList<string> names) =>
        names.Count == 0
            ? "Viewer only"
            : string.Join(", ", names.Select(name => WarRoomRoles.TryParse(name, out var role) ? WarRoomRoles.Text(role) : name));

    /// <summary>The roles of a view as the role choices hold them.</summary>
    public static IReadOnlySet<WarRoomRole> RoleSet(IReadOnlyList<string> names) =>
        names.Select(name => WarRoomRoles.TryParse(name, out var role) ? role : (WarRoomRole?)null).OfType<WarRoomRole>().ToHashSet();

    /// <summary>What went wrong, for a dialog: every field's problem, or the detail.</summary>
    public static string Refusal<T>(Outcome<T> outcome, string fallback)
        where T : class =>
        outcome.Problems.Count > 0
            ? string.Join(" ", outcome.Problems.SelectMany(p => p.Value).Select(problem => problem.EndsWith('.') ? problem : problem + "."))
            : outcome.Detail ?? fallback;
}
