using System.Diagnostics;
using System.Globalization;

namespace Dashboard.TestSupport;

/// <summary>
/// A real <c>influxd</c> (Debian package <c>influxdb</c>) on a free loopback port with its data in a
/// temporary folder; stopped and deleted on dispose.
/// </summary>
public sealed class InfluxServer : IAsyncDisposable
{
    public const string InstallCommand = "sudo apt-get install -y influxdb";

    private readonly string _directory;
    private readonly string _config;
    private ChildProcess _process = null!;

    private InfluxServer(string directory, string config, int port)
    {
        _directory = directory;
        _config = config;
        Port = port;
        Url = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
    }

    public int Port { get; }
    public Uri Url { get; }

    public static Task<InfluxServer> StartAsync(CancellationToken cancellationToken = default) =>
        StartAsync(authEnabled: false, cancellationToken);

    /// <summary>
    /// With <paramref name="authEnabled"/> the HTTP API demands credentials; until the first admin
    /// is created (<c>CREATE USER … WITH ALL PRIVILEGES</c>, allowed without credentials) it refuses the rest.
    /// </summary>
    public static async Task<InfluxServer> StartAsync(bool authEnabled, CancellationToken cancellationToken = default)
    {
        var influxd = Prerequisites.Require("influxd", InstallCommand, "/usr/bin/influxd");
        var directory = Directory.CreateTempSubdirectory("influxd-test-").FullName;
        var httpPort = FreePort.Next();
        var rpcPort = FreePort.Next();
        var config = Path.Combine(directory, "influxdb.conf");
        await File.WriteAllTextAsync(config, $"""
            reporting-disabled = true
            bind-address = "127.0.0.1:{rpcPort}"
            [meta]
              dir = "{directory}/meta"
            [data]
              dir = "{directory}/data"
              wal-dir = "{directory}/wal"
              query-log-enabled = false
            [http]
              bind-address = "127.0.0.1:{httpPort}"
              log-enabled = false
              auth-enabled = {(authEnabled ? "true" : "false")}
            [monitor]
              store-enabled = false
            """, cancellationToken);

        var server = new InfluxServer(directory, config, httpPort);
        server.Launch(influxd);
        await server.WaitUntilReadyAsync(cancellationToken);
        return server;
    }

    /// <summary>Kills influxd (as a crash would); its data stays for <see cref="RestartAsync"/>.</summary>
    public Task StopAsync() => _process.StopAsync();

    /// <summary>Starts influxd again on the same port with the same data.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        await _process.DisposeAsync();
        Launch(Prerequisites.Require("influxd", InstallCommand, "/usr/bin/influxd"));
        await WaitUntilReadyAsync(cancellationToken);
    }

    private void Launch(string influxd) => _process = ChildProcess.Start(new ProcessStartInfo(influxd, ["-config", _config]));

    /// <summary>Creates a database through the HTTP API and returns its name.</summary>
    public async Task<string> CreateDatabaseAsync(string name, CancellationToken cancellationToken = default)
    {
        using var http = new HttpClient { BaseAddress = Url };
        using var content = new FormUrlEncodedContent([new("q", $"CREATE DATABASE \"{name}\"")]);
        using var response = await http.PostAsync("/query", content, cancellationToken);
        response.EnsureSuccessStatusCode();
        return name;
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        ChildProcess.DeleteFolder(_directory);
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(1) };
        var ready = await _process.WaitUntilAsync(
            async token =>
            {
                using var response = await http.GetAsync("/ping", token);
                return response.IsSuccessStatusCode;
            },
            TimeSpan.FromSeconds(30),
            cancellationToken);
        if (ready)
        {
            return;
        }

        var output = _process.Output;
        await DisposeAsync();
        throw new InvalidOperationException($"influxd did not answer /ping on {Url} within 30 s. Its output:\n{output}");
    }
}
