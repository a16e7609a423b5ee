using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Dashboard.Infrastructure.Routing;

/// <summary>
/// The address of HAProxy's runtime API as written in configuration: <c>unix:/run/haproxy/admin.sock</c>
/// or <c>tcp:127.0.0.1:9999</c> (also <c>tcp:[::1]:9999</c> or a host name).
/// </summary>
public sealed record HaproxyRuntimeEndpoint
{
    private const string UnixPrefix = "unix:";
    private const string TcpPrefix = "tcp:";

    private HaproxyRuntimeEndpoint(string text, EndPoint endPoint)
    {
        Text = text;
        EndPoint = endPoint;
    }

    /// <summary>The configured form, for messages.</summary>
    public string Text { get; }

    public EndPoint EndPoint { get; }

    /// <summary>Parses the configured form; on failure <paramref name="problem"/> says what is wrong.</summary>
    public static bool TryParse(string? text, out HaproxyRuntimeEndpoint? endpoint, out string? problem)
    {
        endpoint = null;
        problem = null;
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            problem = "must not be empty (unix:/path/to/admin.sock or tcp:host:port)";
            return false;
        }

        if (text.StartsWith(UnixPrefix, StringComparison.Ordinal))
        {
            var path = text[UnixPrefix.Length..];
            if (!Path.IsPathFullyQualified(path))
            {
                problem = "must name an absolute socket path after 'unix:', e.g. unix:/run/haproxy/admin.sock";
                return false;
            }

            endpoint = new HaproxyRuntimeEndpoint(text, new UnixDomainSocketEndPoint(path));
            return true;
        }

        if (text.StartsWith(TcpPrefix, StringComparison.Ordinal))
        {
            if (TryParseHostAndPort(text[TcpPrefix.Length..]) is { } tcp)
            {
                endpoint = new HaproxyRuntimeEndpoint(text, tcp);
                return true;
            }

            problem = "must be tcp:host:port with a port in 1..65535, e.g. tcp:127.0.0.1:9999";
            return false;
        }

        problem = "must start with 'unix:' or 'tcp:' (e.g. unix:/run/haproxy/admin.sock or tcp:127.0.0.1:9999)";
        return false;
    }

    /// <summary>Parses the configured form or throws <see cref="FormatException"/>.</summary>
    public static HaproxyRuntimeEndpoint Parse(string text) =>
        TryParse(text, out var endpoint, out var problem) ? endpoint! : throw new FormatException($"'{text}' {problem}");

    /// <summary>A new, unconnected stream socket of the right family.</summary>
    public Socket CreateSocket() => EndPoint switch
    {
        UnixDomainSocketEndPoint => new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified),
        IPEndPoint ip => new Socket(ip.AddressFamily, SocketType.Stream, ProtocolType.Tcp),
        _ => new Socket(SocketType.Stream, ProtocolType.Tcp),
    };

    public override string ToString() => Text;

    private static EndPoint? TryParseHostAndPort(string hostAndPort)
    {
        var colon = hostAndPort.LastIndexOf(':');
        if (colon <= 0
            || !int.TryParse(hostAndPort[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            || port is < IPEndPoint.MinPort + 1 or > IPEndPoint.MaxPort)
        {
            return null;
        }

        var host = hostAndPort[..colon];
        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            return IPAddress.TryParse(host[1..^1], out var v6) ? new IPEndPoint(v6, port) : null;
        }

        if (IPAddress.TryParse(host, out var address))
        {
            // A bare IPv6 address without brackets is ambiguous with the port separator.
            return address.AddressFamily == AddressFamily.InterNetwork ? new IPEndPoint(address, port) : null;
        }

        return Uri.CheckHostName(host) == UriHostNameType.Dns ? new DnsEndPoint(host, port) : null;
    }
}
