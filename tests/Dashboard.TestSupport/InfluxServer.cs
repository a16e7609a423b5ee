using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Dashboard.TestSupport;

/// <summary>
/// A real <c>influxd</c> (Debian package <c>influxdb</c>) on a free loopback port with its data in a
/// temporary folder; stopped and deleted on dispose.
/// </summary>
public sealed class InfluxServer : IAsyncDisposable
{
    public const string InstallCommand = "sudo apt-get install -y influxdb";

    private readonly Process _process;
    private readonly string _directory;
    private readonly StringBuilder _output = new();

    private InfluxServer(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
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

        var startInfo = new ProcessStartInfo(influxd, ["-config", config])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(startInfo) ?? throw new InvalidOperationException("influxd did not start.");
        var server = new InfluxServer(process, directory, httpPort);
        process.OutputDataReceived += (_, e) => server.Capture(e.Data);
        process.ErrorDataReceived += (_, e) => server.Capture(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        await server.WaitUntilReadyAsync(cancellationToken);
        return server;
    }

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
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; the next run uses a new one.
        }
    }

    private void Capture(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            if (_output.Length < 64_000)
            {
                _output.AppendLine(line);
            }
        }
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(1) };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                break;
            }

            try
            {
                using var response = await http.GetAsync("/ping", cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }

            await Task.Delay(100, cancellationToken);
        }

        string output;
        lock (_output)
        {
            output = _output.ToString();
        }

        await DisposeAsync();
        throw new InvalidOperationException($"influxd did not answer /ping on {Url} within 30 s. Its output:\n{output}");
    }
}
