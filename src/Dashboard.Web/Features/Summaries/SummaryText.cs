using System.Globalization;

namespace Dashboard.Web.Features.Summaries;

/// <summary>The few ways a summary writes times and lengths, so the page, the Markdown and the verdict agree.</summary>
public static class SummaryText
{
    /// <summary>A length rounded to the minute for people: "8 h", "7 h 13 min", "25 min", "40 s".</summary>
    public static string Duration(TimeSpan length)
    {
        if (length < TimeSpan.FromMinutes(1))
        {
            return string.Create(CultureInfo.InvariantCulture, $"{Math.Max(0, (int)length.TotalSeconds)} s");
        }

        var minutes = (long)Math.Round(length.TotalMinutes);
        var (hours, rest) = (minutes / 60, minutes % 60);
        return (hours, rest) switch
        {
            (0, _) => string.Create(CultureInfo.InvariantCulture, $"{rest} min"),
            (_, 0) => string.Create(CultureInfo.InvariantCulture, $"{hours} h"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{hours} h {rest} min"),
        };
    }

    /// <summary>A moment in UTC, e.g. "Nov 2 03:12 UTC": a summary is read later, printed and mailed, so never local.</summary>
    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("MMM d HH:mm", CultureInfo.InvariantCulture) + " UTC";
}
