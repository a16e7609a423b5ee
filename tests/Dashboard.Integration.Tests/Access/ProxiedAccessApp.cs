using Dashboard.Integration.Tests.TestSupport;

namespace Dashboard.Integration.Tests.Access;

/// <summary>
/// The access test app behind a trusted proxy: the test itself, on 127.0.0.1, is the configured proxy
/// (<c>ForwardedHeaders:KnownProxies</c>), so a <see cref="ProxiedBrowser"/> can play any client address and scheme.
/// </summary>
public sealed class ProxiedAccessApp(InfluxServerFixture influx)
    : AccessTestApp(influx, new Dictionary<string, string> { ["ForwardedHeaders__KnownProxies__0"] = "127.0.0.1" });
