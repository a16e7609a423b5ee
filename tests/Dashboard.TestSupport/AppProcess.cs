using System.Diagnostics;
using System.Globalization;

namespace Dashboard.TestSupport;

/// <summary>
/// The real web app as a child process (<c>dotnet Dashboard.Web.dll</c>) on a free loopback port,
/// with its state and logs in a temporary folder. Settings are passed as environment variables
/// (<c>Influx__Url</c> …), exactly as an operator would.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;
    private readonly string _directory;

    private AppProcess(ChildProcess process, string directory, Uri url)
    {
        _process = process;
        _directory = directory;
        Url = url;
    }

    public Uri Url { get; }

    /// <summary>A client signed in as the first admin (every role), like a person who used the sign-in form.</summary>
    public Task<HttpClient> SignInAsAdminAsync(CancellationToken cancellationToken = default) =>
        WarRoomSignIn.SignInAsync(Url, TestPeople.Admin, TestPeople.Password, cancellationToken);

    public string Output => _process.Output;

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
            WorkingDirectory = directory,
        };
        startInfo.Environment["StateStore__ConnectionString"] = $"Data Source={Path.Combine(directory, "state.db")}";
        startInfo.Environment["Logs__Folder"] = Path.Combine(directory, "logs");
        startInfo.Environment["DOTNET_NOLOGO"] = "1";

        // A first admin who holds every role, so a test can act at once; tests of roles create people with fewer.
        startInfo.Environment["Auth__InitialAdmin__UserName"] = TestPeople.Admin;
        startInfo.Environment["Auth__InitialAdmin__Password"] = TestPeople.Password;
        for (var i = 0; i < TestPeople.AllRoles.Length; i++)
        {
            startInfo.Environment[$"Auth__InitialAdmin__Roles__{i}"] = TestPeople.AllRoles[i];
        }

        // The limits stay on, but a test app signs in and opens kiosk links from one address far more often than an
        // office would; tests of the limits themselves set small ones (RateLimitAppTests).
        startInfo.Environment["RateLimits__Address__PermitLimit"] = "1000";
        foreach (var (key, value) in settings)
        {
            startInfo.Environment[key] = value;
        }

        return new AppProcess(ChildProcess.Start(startInfo, outputLimit: 200_000), directory, url);
    }

    /// <summary>Kills the app at once (SIGKILL, as a lost machine would), keeping its folder and output for the test to read.</summary>
    public Task KillAsync() => _process.StopAsync();

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        ChildProcess.DeleteFolder(_directory);
    }

    private async Task WaitUntilAliveAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(2) };
        var alive = await _process.WaitUntilAsync(
            async token =>
            {
                using var response = await http.GetAsync("/healthz", token);
                return response.IsSuccessStatusCode;
            },
            // Generous: on a 2-core CI machine running every test project at once, a start has taken over 60 s.
            TimeSpan.FromSeconds(150),
            cancellationToken);
        if (alive)
        {
            return;
        }

        var output = Output;
        await DisposeAsync();
        throw new InvalidOperationException($"The app did not answer /healthz on {Url}. Its output:\n{output}");
    }
}
