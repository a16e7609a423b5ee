using System.Globalization;

namespace Dashboard.Web.Features.Metrics;

/// <summary>
/// The <c>at</c> of a board as it was (docs/board-history.md): an ISO 8601 moment with its zone, such as
/// <c>2026-11-02T03:12:00Z</c>, no later than now. A moment without a zone is refused rather than guessed.
/// </summary>
public static class SnapshotMoment
{
    public const string Rule = "at must be an ISO 8601 time with its zone, e.g. 2026-11-02T03:12:00Z";

    private static readonly string[] Formats =
    [
        "yyyy-MM-ddTHH:mmK", "yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mm:ss.FFFFFFFK",
    ];

    /// <summary>The problem with <paramref name="text"/> in words, or null when it names a moment no later than <paramref name="now"/>.</summary>
    public static string? Check(string? text, DateTimeOffset now, out DateTimeOffset at)
    {
        at = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return $"required: {Rule}";
        }

        var trimmed = text.Trim();
        var hasZone = trimmed.EndsWith('Z') || trimmed.EndsWith('z') || trimmed.LastIndexOfAny(['+', '-']) > trimmed.IndexOf('T', StringComparison.Ordinal);
        if (!hasZone || !DateTimeOffset.TryParseExact(trimmed, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return $"'{trimmed}' is not readable: {Rule}";
        }

        if (parsed > now)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{parsed.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ} is in the future: a board can only be shown as it was");
        }

        at = parsed.ToUniversalTime();
        return null;
    }
}
