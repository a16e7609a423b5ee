namespace Dashboard.Web.Shared.Time;

/// <summary>
/// How one viewer wants times shown: always UTC, and — when they chose it — their local time beside it
/// (<see cref="LocalZone"/>). Kiosk screens and anonymous viewers get <see cref="UtcOnly"/>.
/// </summary>
public sealed record TimeDisplay(TimeZoneInfo? LocalZone)
{
    public static TimeDisplay UtcOnly { get; } = new((TimeZoneInfo?)null);

    /// <summary>Whether local time goes beside UTC.</summary>
    public bool ShowsLocal => LocalZone is not null;

    /// <summary>The zone's IANA name ("Europe/Berlin"), or null for UTC only.</summary>
    public string? LocalZoneName => LocalZone?.Id;

    /// <summary>"18:06:02 Europe/Berlin" in <paramref name="pattern"/>, or null for UTC only.</summary>
    public string? Local(DateTimeOffset at, TimePattern pattern) => LocalZone is { } zone
        ? UtcTime.Write(TimeZoneInfo.ConvertTime(at, zone).DateTime, pattern) + " " + zone.Id
        : null;

    /// <summary>The local time in <paramref name="pattern"/> without the zone name (an axis names it once), or null.</summary>
    public string? LocalText(DateTimeOffset at, TimePattern pattern) => LocalZone is { } zone
        ? UtcTime.Write(TimeZoneInfo.ConvertTime(at, zone).DateTime, pattern)
        : null;

    /// <summary>"Dec 6 17:06:02 UTC", with " (18:06:02 Europe/Berlin)" when local time is shown.</summary>
    public string Stamp(DateTimeOffset at) =>
        Local(at, TimePattern.Seconds) is { } local ? $"{UtcTime.Stamp(at)} ({local})" : UtcTime.Stamp(at);

    /// <summary>"17:06:02 UTC", with " (18:06:02 Europe/Berlin)" when local time is shown.</summary>
    public string Clock(DateTimeOffset at) =>
        Local(at, TimePattern.Seconds) is { } local ? $"{UtcTime.Clock(at)} ({local})" : UtcTime.Clock(at);
}
