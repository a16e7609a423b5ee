using System.Globalization;

namespace Dashboard.Web.Features.ShiftReview;

/// <summary>Where a timeline entry links to.</summary>
public static class ReviewLinks
{
    /// <summary>
    /// The board as it was just after <paramref name="at"/>: <c>/?at=2026-11-02T03:12:01Z</c>. Rounded UP to the whole
    /// second, so the board already shows what happened at <paramref name="at"/>.
    /// </summary>
    public static string Board(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        var second = utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerSecond));
        var shown = second == utc ? second : second.AddSeconds(1);
        return "/?at=" + shown.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }

    /// <summary>The audit entry on its rollout's page, opened and scrolled to.</summary>
    public static string AuditEntry(Guid rolloutId, long sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"/rollouts/{rolloutId}?audit={sequence}#audit-{sequence}");

    public static string Rollout(Guid rolloutId) => $"/rollouts/{rolloutId}";

    public const string HealthChecks = "/health-checks";
}
