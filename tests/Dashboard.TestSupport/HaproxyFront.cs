using System.Diagnostics;
using System.Globalization;

namespace Dashboard.TestSupport;

/// <summary>
/// A real <c>haproxy</c> running the repository's own <c>deploy/ha/haproxy.cfg</c> — the front of two app instances
/// with cookie stickiness and <c>/readyz</c> checks — on a free loopback port. The file reads its addresses from
/// the environment (<c>WARROOM_FRONT</c>, <c>WARROOM_APP1</c>, <c>WARROOM_APP2</c>), so the tests run exactly what
/// <c>./run.sh --ha</c> and the docs ship. Stopped on dispose.
/// </summary>
public sealed class HaproxyFront : IAsyncDisposable
{
    /// <summary>The cookie that pins a browser to one instance; its value names the server.</summary>
    public const string StickyCookie = "WARROOM_SERVER";

    /// <summary>The sticky cookie's value for the first instance (<c>WARROOM_APP1</c>).</summary>
    public const string FirstServer = "app1";

    /// <summary>The sticky cookie's value for the second instance (<c>WARROOM_APP2</c>).</summary>
    public const string SecondServer = "app2";

    private readonly ChildProcess _process;

    private HaproxyFront(ChildProcess process, Uri url)
    {
        _process = process;
        Url = url;
    }

    public static string ConfigPath => Path.Combine(RepositoryPaths.Root, "deploy", "ha", "haproxy.cfg");

    /// <summary>Where browsers connect.</summary>
    public Uri Url { get; }

    /// <summary>HAProxy's log (checks going up and down, one line per request).</summary>
    public string Output => _process.Output;

    /// <summary>Starts haproxy in front of <paramref name="first"/> (cookie app1) and <paramref name="second"/> (app2).</summary>
    public static async Task<HaproxyFront> StartAsync(Uri first, Uri second, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var haproxy = Prerequisites.Require("haproxy", HaproxyServer.InstallCommand, "/usr/sbin/haproxy");
        var port = FreePort.Next();
        var startInfo = new ProcessStartInfo(haproxy, ["-db", "-f", ConfigPath]);
        startInfo.Environment["WARROOM_FRONT"] = string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{port}");
        startInfo.Environment["WARROOM_APP1"] = first.Authority;
        startInfo.Environment["WARROOM_APP2"] = second.Authority;
        var front = new HaproxyFront(
            ChildProcess.Start(startInfo, outputLimit: 200_000),
            new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/")));
        await front.WaitUntilAnsweringAsync(cancellationToken);
        return front;
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    private async Task WaitUntilAnsweringAsync(CancellationToken cancellationToken)
    {
        // Any HTTP answer proves the configuration is loaded and the frontend bound.
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(1) };
        var answering = await _process.WaitUntilAsync(
            async token =>
            {
                using var response = await http.GetAsync(new Uri(Url, "healthz"), token);
                return true;
            },
            TimeSpan.FromSeconds(20),
            cancellationToken);
        if (answering)
        {
            return;
        }

        var output = Output;
        await DisposeAsync();
        throw new InvalidOperationException($"haproxy ({ConfigPath}) did not answer on {Url} within 20 s. Its output:\n{output}");
    }
}
