using System.Net;

namespace Dashboard.Web.Features.Access.Hosting;

/// <summary>
/// A request that never left this machine: it came from a loopback address (after trusted forwarded headers) to a
/// loopback host name. Only such requests may get cookies without <c>Secure</c> and answers without HSTS, so the
/// test apps and a laptop demo keep working over plain http while everything else is held to TLS.
/// </summary>
public static class LoopbackRequests
{
    public static bool IsLoopback(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Connection.RemoteIpAddress is { } remote
            && IPAddress.IsLoopback(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote)
            && IsLoopbackHost(context.Request.Host.Host);
    }

    private static bool IsLoopbackHost(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
