using System.Net;

namespace Dashboard.SampleService.Load;

/// <summary>
/// The load generator's guard: it only ever sends to this machine, so a mistyped URL cannot turn a
/// demo into a load test of somebody else's service.
/// </summary>
public static class LoopbackTarget
{
    /// <summary>Returns null when <paramref name="target"/> is an http(s) URL on a loopback address, else why not.</summary>
    public static string? Refusal(Uri target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (!target.IsAbsoluteUri || (target.Scheme != Uri.UriSchemeHttp && target.Scheme != Uri.UriSchemeHttps))
        {
            return $"--target must be an absolute http(s) URL, not '{target}'";
        }

        // Only literal loopback addresses and "localhost": a name that resolves to loopback today may not tomorrow.
        var isLoopback = IPAddress.TryParse(target.IdnHost, out var address)
            ? IPAddress.IsLoopback(address)
            : string.Equals(target.IdnHost, "localhost", StringComparison.OrdinalIgnoreCase);
        return isLoopback ? null : $"--target must be on this machine (127.0.0.1, ::1 or localhost), not '{target.Host}'";
    }
}
