using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Dashboard.TestSupport;

/// <summary>
/// The real web app as a child process (<c>dotnet Dashboard.Web.dll</c>) on a free loopback port,
/// with its state and logs in a temporary folder. Settings are passed as environment variables
/// (<c>Influx__Url</c> …), exactly as an operator would.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _directory;
    private readonly StringBuilder _output = new();

    private AppProcess(Process process, string directory, Uri url)
    {
        _process = process;
        _directory = directory;
        Url = url;
    }

    public Uri Url { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public int ExitCode => _process.ExitCode;

    public static async Task<AppProcess> StartAsync(IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken = default)
    {
        var app = Launch(settings);
        await app.WaitUntilAliveAsync(cancellationToken);
        return app;
    }

    /// <summary>Starts the app and waits for it to exit by itself (e.g. on a configuration error).</summary>
    public static async Task<AppProcess> RunUntilExitAsync(IReadOnlyDictionary<string, string> settings, TimeSpan timeout)
    {
        var app = Launch(settings);
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await app._process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            var output = app.Output;
            await app.DisposeAsync();
            throw new TimeoutException($"The app was still running after {timeout}. Its output:\n{output}");
        }

        // WaitForExitAsync returns once the output streams are drained too.
        return app;
    }

    private static AppProcess Launch(IReadOnlyDictionary<string, string> settings)
    {
        var dll = RepositoryPaths.WebAppDll;
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"The web app is not built at {dll}. Run: dotnet build Dashboard.sln -c {RepositoryPaths.Configuration}");
        }

        var directory = Directory.CreateTempSubdirectory("warroom-app-").FullName;
        var port = FreePort.Next();
        var url = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        var startInfo = new ProcessStartInfo("dotnet", [dll, "--urls", url.ToString().TrimEnd('/')])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        startInfo.Environment["StateStore__ConnectionString"] = $"Data Source={Path.Combine(directory, "state.db")}";
        startInfo.Environment["Logs__Folder"] = Path.Combine(directory, "logs");
        startInfo.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in settings)
        {
            startInfo.Environment[key] = value;
        }

        var process = Process.Start(startInfo) ?? throw new InvalidOperationException("The app did not start.");
        var app = new AppProcess(process, directory, url);
        process.OutputDataReceived += (_, e) => app.Capture(e.Data);
        process.ErrorDataReceived += (_, e) => app.Capture(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return app;
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
            // A leftover temp folder is harmless.
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
            if (_output.Length < 200_000)
            {
                _output.AppendLine(line);
            }
        }
    }

    private async Task WaitUntilAliveAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            try
            {
                using var response = await http.GetAsync("/healthz", cancellationToken);
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

            await Task.Delay(200, cancellationToken);
        }

        var output = Output;
        await DisposeAsync();
        throw new InvalidOperationException($"The app did not answer /healthz on {Url}. Its output:\n{output}");
    }
}
