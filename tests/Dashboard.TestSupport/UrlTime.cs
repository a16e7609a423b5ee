using System.Globalization;

namespace Dashboard.TestSupport;

/// <summary>Times as the API's query strings take them.</summary>
public static class UrlTime
{
    /// <summary>"2026-03-02T09%3A00%3A00.0000000Z": UTC, to the tick, escaped for a query string.</summary>
    public static string Stamp(DateTimeOffset at) =>
        Uri.EscapeDataString(at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
}
