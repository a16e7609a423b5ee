using System.Net;
using System.Net.Sockets;
using Dashboard.Infrastructure.Routing;

namespace Dashboard.Integration.Tests.Routing;

public sealed class HaproxyRuntimeEndpointTests
{
    [Fact]
    public void Parse_UnixForm_GivesAUnixSocketEndPoint()
    {
        var endpoint = HaproxyRuntimeEndpoint.Parse("unix:/run/haproxy/admin.sock");

        Assert.Equal("/run/haproxy/admin.sock", Assert.IsType<UnixDomainSocketEndPoint>(endpoint.EndPoint).ToString());
    }

    [Theory]
    [InlineData("tcp:127.0.0.1:9999", "127.0.0.1:9999")]
    [InlineData("tcp:[::1]:9999", "[::1]:9999")]
    public void Parse_TcpFormWithAddress_GivesAnIpEndPoint(string text, string expected) =>
        Assert.Equal(expected, Assert.IsType<IPEndPoint>(HaproxyRuntimeEndpoint.Parse(text).EndPoint).ToString());

    [Fact]
    public void Parse_TcpFormWithHostName_GivesADnsEndPoint()
    {
        var endPoint = Assert.IsType<DnsEndPoint>(HaproxyRuntimeEndpoint.Parse("tcp:haproxy.internal:9999").EndPoint);

        Assert.Equal(("haproxy.internal", 9999), (endPoint.Host, endPoint.Port));
    }

    [Theory]
    [InlineData(null, "must not be empty")]
    [InlineData("/run/haproxy/admin.sock", "must start with 'unix:' or 'tcp:'")]
    [InlineData("unix:admin.sock", "absolute socket path")]
    [InlineData("tcp:127.0.0.1", "tcp:host:port")]
    [InlineData("tcp:127.0.0.1:0", "tcp:host:port")]
    [InlineData("tcp:127.0.0.1:70000", "tcp:host:port")]
    [InlineData("tcp::1:9999", "tcp:host:port")]
    [InlineData("tcp:bad host:9999", "tcp:host:port")]
    public void TryParse_BadForm_SaysWhatIsWrong(string? text, string problem)
    {
        Assert.False(HaproxyRuntimeEndpoint.TryParse(text, out var endpoint, out var message));

        Assert.Null(endpoint);
        Assert.Contains(problem, message, StringComparison.Ordinal);
    }
}
