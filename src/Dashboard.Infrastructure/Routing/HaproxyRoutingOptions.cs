namespace Dashboard.Infrastructure.Routing;

/// <summary>Where HAProxy's runtime API listens and which backend and servers stand for the cohorts (<c>Routing:Haproxy</c>).</summary>
public sealed class HaproxyRoutingOptions
{
    /// <summary>
    /// <c>unix:/path/to/admin.sock</c> or <c>tcp:host:port</c>; the socket must be declared
    /// <c>level admin</c> in haproxy.cfg, since lower levels may read weights but not set them.
    /// </summary>
    public string RuntimeApi { get; set; } = "unix:/run/haproxy/admin.sock";

    public string Backend { get; set; } = "analyzer";

    public string BaselineServer { get; set; } = "baseline";

    public string CanaryServer { get; set; } = "canary";

    /// <summary>Time limit of one runtime-API command (connect, send, read the whole answer).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);
}
