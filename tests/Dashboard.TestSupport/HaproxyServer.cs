using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Dashboard.TestSupport;

/// <summary>
/// A real <c>haproxy</c> (Debian package <c>haproxy</c>) on loopback in front of two backends, as
/// backend <c>analyzer</c> with servers <c>baseline</c> and <c>canary</c> (round robin, no health
/// checks). Its runtime API listens on a Unix socket and on a TCP port at level admin, and on a
/// second TCP port at level operator (may read, may not set weights). Stopped on dispose.
/// </summary>
public sealed class HaproxyServer : IAsyncDisposable
{
    public const string InstallCommand = "sudo apt-get install -y haproxy";
    public const string Backend = "analyzer";
    public const string BaselineServer = "baseline";
    public const string CanaryServer = "canary";

    private readonly string _directory;
    private readonly ChildProcess _process;

    private HaproxyServer(string directory, ChildProcess process, int frontendPort, int adminPort, int operatorPort)
    {
        _directory = directory;
        _process = process;
        FrontendUrl = new Uri($"http://127.0.0.1:{frontendPort.ToString(CultureInfo.InvariantCulture)}/");
        AdminSocketPath = Path.Combine(directory, "admin.sock");
        AdminPort = adminPort;
        OperatorPort = operatorPort;
    }

    /// <summary>Where requests enter HAProxy.</summary>
    public Uri FrontendUrl { get; }

    public string AdminSocketPath { get; }

    public int AdminPort { get; }

    public int OperatorPort { get; }

    /// <summary>The admin runtime API in the app's <c>Routing:Haproxy:RuntimeApi</c> form.</summary>
    public string UnixRuntimeApi => $"unix:{AdminSocketPath}";

    public string TcpRuntimeApi => $"tcp:127.0.0.1:{AdminPort.ToString(CultureInfo.InvariantCulture)}";

    public string OperatorRuntimeApi => $"tcp:127.0.0.1:{OperatorPort.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Starts haproxy; start the backends first, so the first requests find them listening.</summary>
    public static async Task<HaproxyServer> StartAsync(
        int baselinePort, int canaryPort, int baselineWeight = 100, int canaryWeight = 0, CancellationToken cancellationToken = default)
    {
        var haproxy = Prerequisites.Require("haproxy", InstallCommand, "/usr/sbin/haproxy");
        var directory = Directory.CreateTempSubdirectory("haproxy-test-").FullName;
        int frontendPort = FreePort.Next(), adminPort = FreePort.Next(), operatorPort = FreePort.Next();
        var config = Path.Combine(directory, "haproxy.cfg");
        await File.WriteAllTextAsync(config, string.Create(CultureInfo.InvariantCulture, $"""
            global
              nbthread 1
              stats socket {directory}/admin.sock mode 600 level admin
              stats socket ipv4@127.0.0.1:{adminPort} level admin
              stats socket ipv4@127.0.0.1:{operatorPort} level operator

            defaults
              mode http
              timeout connect 1s
              timeout client 5s
              timeout server 5s

            frontend web
              bind 127.0.0.1:{frontendPort}
              default_backend {Backend}

            backend {Backend}
              balance roundrobin
              server {BaselineServer} 127.0.0.1:{baselinePort} weight {baselineWeight}
              server {CanaryServer} 127.0.0.1:{canaryPort} weight {canaryWeight}

            """), cancellationToken);

        var process = ChildProcess.Start(new ProcessStartInfo(haproxy, ["-db", "-f", config]));
        var server = new HaproxyServer(directory, process, frontendPort, adminPort, operatorPort);
        await server.WaitUntilReadyAsync(cancellationToken);
        return server;
    }

    /// <summary>
    /// Sends one command to the admin runtime API directly, as an operator with socat would, and
    /// returns the answer. Independent of the app's router, so tests can change HAProxy behind its back.
    /// </summary>
    public async Task<string> SendCommandAsync(string command, CancellationToken cancellationToken = default)
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(AdminSocketPath), cancellationToken);
        await socket.SendAsync(Encoding.ASCII.GetBytes(command + "\n"), SocketFlags.None, cancellationToken);
        using var answer = new MemoryStream();
        var buffer = new byte[1024];
        int read;
        while ((read = await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken)) > 0)
        {
            answer.Write(buffer, 0, read);
        }

        return Encoding.ASCII.GetString(answer.ToArray());
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        ChildProcess.DeleteFolder(_directory);
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        // Any HTTP answer (even a 503 when both weights are 0) proves the configuration is loaded,
        // and HAProxy binds its stats sockets before its frontends.
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(1) };
        var ready = await _process.WaitUntilAsync(
            async token =>
            {
                using var response = await http.GetAsync(FrontendUrl, token);
                return true;
            },
            TimeSpan.FromSeconds(20),
            cancellationToken);
        if (ready)
        {
            return;
        }

        var output = _process.Output;
        await DisposeAsync();
        throw new InvalidOperationException($"haproxy did not answer on {FrontendUrl} within 20 s. Its output:\n{output}");
    }
}
