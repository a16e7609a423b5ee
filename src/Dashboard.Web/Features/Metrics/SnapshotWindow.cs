using System.Globalization;

namespace Dashboard.Web.Features.Metrics;

/// <summary>
/// The <c>window</c> query parameter of the snapshot endpoint: a whole number followed by
/// <c>s</c>, <c>m</c> or <c>h</c> (<c>30s</c>, <c>5m</c>, <c>36h</c>), between 10 s and 36 h.
/// </summary>
public static class SnapshotWindow
{
    public static TimeSpan Default { get; } = TimeSpan.FromMinutes(5);
    public static TimeSpan Minimum { get; } = TimeSpan.FromSeconds(10);
    public static TimeSpan Maximum { get; } = TimeSpan.FromHours(36);

    public const string Rule = "window must be a whole number followed by s, m or h (e.g. 30s, 5m, 1h), between 10s and 36h";

    /// <summary>Parses <paramref name="text"/>; a missing or empty value is <see cref="Default"/>.</summary>
    public static bool TryParse(string? text, out TimeSpan window)
    {
        window = Default;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (text.Length < 2 || !long.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount)
            || amount > (long)Maximum.TotalSeconds)
        {
            return false;
        }

        TimeSpan? parsed = text[^1] switch
        {
            's' => TimeSpan.FromSeconds(amount),
            'm' => TimeSpan.FromMinutes(amount),
            'h' => TimeSpan.FromHours(amount),
            _ => null,
        };
        if (parsed is not { } value || value < Minimum || value > Maximum)
        {
            return false;
        }

        window = value;
        return true;
    }
}
