using Dashboard.Web.Features.Access;
using Dashboard.Web.Features.Metrics;
using Dashboard.Web.Features.TrafficDrift;

namespace Dashboard.Web.Features.RateLimits;

/// <summary>
/// Which limit a request falls under, and whose budget it spends: the client address on the anonymous doors
/// (sign-in, set-up, kiosk links), the caller on the expensive reads. Everything else is not limited here.
/// </summary>
public static class RateLimitedRequests
{
    /// <summary>The partition key of <paramref name="context"/>'s budget, or null when no limit applies.</summary>
    public static (RateLimitKind Kind, string Key)? Classify(HttpContext context, RateLimitOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        var request = context.Request;
        if (IsAnonymousDoor(request.Path))
        {
            return (RateLimitKind.Address, "address:" + AddressOf(context));
        }

        return IsExpensiveRead(request, options) ? (RateLimitKind.ExpensiveRead, CallerOf(context)) : null;
    }

    private static bool IsAnonymousDoor(PathString path) =>
        path.StartsWithSegments("/account", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments(FirstRunSetup.SetupPath, StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments(KioskTokens.PathPrefix.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments(KioskShortCode.PathPrefix.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);

    private static bool IsExpensiveRead(HttpRequest request, RateLimitOptions options)
    {
        var path = request.Path.Value ?? string.Empty;
        if (HttpMethods.IsGet(request.Method))
        {
            if (path.StartsWith("/api/rollouts/", StringComparison.OrdinalIgnoreCase) && path.EndsWith("/events/verify", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            // A window that does not parse is refused by the endpoint itself, cheaply.
            return string.Equals(path, "/api/metrics/snapshot", StringComparison.OrdinalIgnoreCase)
                && SnapshotWindow.TryParse(request.Query["window"].ToString(), out var window)
                && window > options.LargeSnapshotWindow;
        }

        return HttpMethods.IsPost(request.Method) && string.Equals(path, TrafficDriftEndpoints.DriftPath + "/check", StringComparison.OrdinalIgnoreCase);
    }

    private static string CallerOf(HttpContext context)
    {
        var kind = WarRoomClaims.KindOf(context.User);
        return kind != ActorKind.Anonymous && WarRoomClaims.IdOf(context.User) is { Length: > 0 } id
            ? $"{kind}:{id}"
            : "address:" + AddressOf(context);
    }

    private static string AddressOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
