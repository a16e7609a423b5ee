using System.Globalization;
using Dashboard.Web.Shared.Time;

namespace Dashboard.Web.Features.BoardHistory;

/// <summary>
/// Reads the board-at-T picker (docs/board-history.md): a wall-clock time as the browser's date-and-time field
/// gives it, in the zone the viewer reads times in (their local zone when they chose it, else UTC), turned into
/// the UTC moment of the <c>?at=</c> link. Unreadable, skipped, doubled or future times are refused in words,
/// never moved to the nearest moment that could be shown.
/// </summary>
public static class PickedMoment
{
    /// <summary>What the browser's field holds, to the second.</summary>
    public const string FieldFormat = "yyyy-MM-ddTHH:mm:ss";

    // The browser's field leaves the seconds out when they are zero.
    private static readonly string[] Formats = [FieldFormat, "yyyy-MM-ddTHH:mm"];

    /// <summary>The name the picker gives its zone: the viewer's local zone ("Europe/Berlin"), or "UTC".</summary>
    public static string ZoneName(TimeZoneInfo? zone) => zone?.Id ?? UtcTime.Zone;

    /// <summary><paramref name="at"/> as the field shows it in <paramref name="zone"/> (UTC when null).</summary>
    public static string Field(DateTimeOffset at, TimeZoneInfo? zone) =>
        (zone is null ? at.UtcDateTime : TimeZoneInfo.ConvertTime(at, zone).DateTime).ToString(FieldFormat, CultureInfo.InvariantCulture);

    /// <summary>
    /// The problem with <paramref name="typed"/> in words, or null when it names, in <paramref name="zone"/>
    /// (UTC when null), one moment no later than <paramref name="now"/>; that moment, in UTC, is <paramref name="at"/>.
    /// </summary>
    public static string? Read(string? typed, TimeZoneInfo? zone, DateTimeOffset now, out DateTimeOffset at)
    {
        at = default;
        var name = ZoneName(zone);
        if (string.IsNullOrWhiteSpace(typed))
        {
            return $"Pick a date and time ({name}) to show the board then.";
        }

        var text = typed.Trim();
        if (!DateTime.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var wallClock))
        {
            return $"'{text}' is not a date and time: write it as 2026-11-02T03:12 or 2026-11-02T03:12:30 ({name}).";
        }

        var shown = UtcTime.Write(wallClock, TimePattern.DateAndSeconds) + " " + name;
        if (zone is null)
        {
            at = new DateTimeOffset(wallClock, TimeSpan.Zero);
        }
        else if (zone.IsInvalidTime(wallClock))
        {
            return $"{shown} did not happen: the clocks skipped it. Pick a time outside that hour.";
        }
        else if (zone.IsAmbiguousTime(wallClock))
        {
            return $"{shown} happened twice: the clocks went back. Pick a time outside that hour, or give the address ?at= with its offset.";
        }
        else
        {
            at = new DateTimeOffset(wallClock, zone.GetUtcOffset(wallClock)).ToUniversalTime();
        }

        if (at > now)
        {
            var utc = zone is null ? string.Empty : $" ({UtcTime.Stamp(at)})";
            at = default;
            return $"{shown}{utc} is in the future: a board can only be shown as it was.";
        }

        return null;
    }
}
