using System.Globalization;
using Dashboard.Infrastructure.Persistence;

namespace Dashboard.Web.Features.Monitoring;

/// <summary>
/// The <c>cursor</c> of the health-check lists: the position of a page's last check ("{run time in UTC ticks}-{id}").
/// Checks are newest first and new ones arrive at the top, so an offset would repeat rows while a caller pages; a
/// position does not. Opaque to callers: they pass back <c>X-Next-Cursor</c> (docs/rollouts-api.md, "Pages").
/// </summary>
public static class HealthCheckCursor
{
    public static string Of(HealthCheckView check)
    {
        ArgumentNullException.ThrowIfNull(check);
        return string.Create(CultureInfo.InvariantCulture, $"{check.RanAt.UtcTicks}-{check.Id:N}");
    }

    /// <summary>The position <paramref name="cursor"/> names, or null when it is not one this list gave.</summary>
    public static HealthCheckPosition? Parse(string cursor)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        var parts = cursor.Split('-');
        return parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks <= DateTimeOffset.MaxValue.UtcTicks
            && Guid.TryParseExact(parts[1], "N", out var id)
                ? new HealthCheckPosition(new DateTimeOffset(ticks, TimeSpan.Zero), id)
                : null;
    }
}
