using System.Globalization;

namespace Dashboard.Web.Shared.Time;

/// <summary>
/// The one way pages write a moment: in UTC, to the second at most, saying "UTC" (never
/// <c>17:06:02.4047589+00:00</c>). Local time, when a person asked for it, goes beside the UTC text
/// through <see cref="TimeDisplay"/>, never instead of it.
/// </summary>
public static class UtcTime
{
    /// <summary>What every time axis and timestamp says it is in.</summary>
    public const string Zone = "UTC";

    /// <summary>"Dec 6 17:06:02 UTC".</summary>
    public static string Stamp(DateTimeOffset at) => Write(at.UtcDateTime, TimePattern.DateAndSeconds) + " " + Zone;

    /// <summary>"17:06:02 UTC".</summary>
    public static string Clock(DateTimeOffset at) => Write(at.UtcDateTime, TimePattern.Seconds) + " " + Zone;

    /// <summary>The UTC time in <paramref name="pattern"/> without the zone (an axis says "UTC" once in its title).</summary>
    public static string Text(DateTimeOffset at, TimePattern pattern) => Write(at.UtcDateTime, pattern);

    /// <summary>A wall-clock time written in <paramref name="pattern"/>.</summary>
    public static string Write(DateTime wallClock, TimePattern pattern) =>
        wallClock.ToString(Format(pattern), CultureInfo.InvariantCulture);

    private static string Format(TimePattern pattern) => pattern switch
    {
        TimePattern.Minutes => "HH:mm",
        TimePattern.Seconds => "HH:mm:ss",
        TimePattern.DateAndMinutes => "MMM d HH:mm",
        TimePattern.DateAndSeconds => "MMM d HH:mm:ss",
        _ => throw new ArgumentOutOfRangeException(nameof(pattern), pattern, "Unknown time pattern."),
    };
}
