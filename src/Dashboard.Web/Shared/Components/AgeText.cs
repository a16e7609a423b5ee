using System.Globalization;

namespace Dashboard.Web.Shared.Components;

/// <summary>Short, human durations for freshness labels: "17 s", "3 min 5 s", "2 h 4 min".</summary>
public static class AgeText
{
    public static string Format(TimeSpan age)
    {
        var seconds = Math.Max(0, (long)age.TotalSeconds);
        return seconds switch
        {
            < 60 => string.Create(CultureInfo.InvariantCulture, $"{seconds} s"),
            < 3600 => string.Create(CultureInfo.InvariantCulture, $"{seconds / 60} min {seconds % 60} s"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600} h {seconds % 3600 / 60} min"),
        };
    }
}
