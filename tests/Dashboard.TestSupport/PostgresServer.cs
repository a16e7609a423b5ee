using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Dashboard.TestSupport;

/// <summary>
/// A real PostgreSQL server (Debian package <c>postgresql</c>): <c>initdb</c> into a temporary folder, <c>pg_ctl</c>
/// start on 127.0.0.1 and a free port with its Unix socket in that folder, stopped and deleted on dispose. As root
/// (where <c>initdb</c> refuses to run) the server runs as the package's <c>postgres</c> user. Tests isolate
/// themselves with a database each (<see cref="CreateDatabaseAsync"/>). <see cref="StopAsync"/> and <see cref="RestartAsync"/>
/// take it down and bring it back on the same port with the same data, for outage tests: a test that stops it starts
/// a server of its own rather than stopping one that other tests share.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    public const string InstallCommand = "sudo apt-get install -y postgresql";

    private readonly string _directory;
    private readonly string _bin;
    private readonly SemaphoreSlim _creating = new(1, 1);
    private readonly Dictionary<string, Task> _templates = [];
    private bool _stopped;

    private PostgresServer(string directory, string bin, int port)
    {
        _directory = directory;
        _bin = bin;
        Port = port;
    }

    public int Port { get; }

    private string DataDirectory => Path.Combine(_directory, "data");

    public static async Task<PostgresServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var initdb = Prerequisites.Require("initdb", InstallCommand, KnownInitdbPaths());
        var directory = Directory.CreateTempSubdirectory("postgres-test-").FullName;
        var server = new PostgresServer(directory, Path.GetDirectoryName(initdb)!, FreePort.Next());
        try
        {
            if (RunsAsRoot)
            {
                // The data folder's parent must belong to the user the server runs as.
                await RunAsync("chown", ["postgres:postgres", directory], cancellationToken);
            }

            await server.RunToolAsync(
                "initdb", ["-D", server.DataDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"], cancellationToken);

            await server.LaunchAsync(cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Stops the server as a crash would (<c>pg_ctl stop -m immediate</c>): every client loses its connection at once,
    /// and new ones are refused until <see cref="RestartAsync"/>. This process's own pooled connections to it are broken
    /// too; query it with <c>Pooling=false</c> across an outage. Every commit it acknowledged survives (see <c>LaunchAsync</c>).
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        await RunToolAsync("pg_ctl", ["-D", DataDirectory, "-m", "immediate", "-w", "stop"], cancellationToken);
        _stopped = true;
    }

    /// <summary>Starts the stopped server again on the same port, with the same data (it recovers from its WAL).</summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        await LaunchAsync(cancellationToken);
        _stopped = false;
    }

    /// <summary>A connection string for <paramref name="database"/> over TCP on loopback, as the app would have.</summary>
    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = "postgres", Database = database }.ConnectionString;

    /// <summary>
    /// Creates an empty database with a unique name, or a copy of the template that <paramref name="buildTemplate"/>
    /// fills once per server under <paramref name="templateName"/> (copying is much faster than building), and
    /// returns its connection string.
    /// </summary>
    public async Task<string> CreateDatabaseAsync(
        string? templateName = null, Func<string, Task>? buildTemplate = null, CancellationToken cancellationToken = default)
    {
        var name = "test_" + Guid.NewGuid().ToString("N");
        if (templateName is not null)
        {
            ArgumentNullException.ThrowIfNull(buildTemplate);
            await EnsureTemplateAsync(templateName, buildTemplate, cancellationToken);
        }

        await _creating.WaitAsync(cancellationToken);
        try
        {
            await AdminAsync(
                templateName is null ? $"CREATE DATABASE \"{name}\"" : $"CREATE DATABASE \"{name}\" TEMPLATE \"{templateName}\"",
                cancellationToken);
        }
        finally
        {
            _creating.Release();
        }

        return ConnectionString(name);
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, closing its open connections.</summary>
    public async Task DropDatabaseAsync(string connectionString)
    {
        NpgsqlConnection.ClearPool(new NpgsqlConnection(connectionString));
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await AdminAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stopped && File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            _stopped = true;
            NpgsqlConnection.ClearAllPools();
            await RunToolAsync("pg_ctl", ["-D", DataDirectory, "-m", "immediate", "-w", "stop"], CancellationToken.None);
        }

        _creating.Dispose();
        ChildProcess.DeleteFolder(_directory);
    }

    private Task LaunchAsync(CancellationToken cancellationToken)
    {
        // Skip the disk flushes that would dominate the tests' run time: they guard against a machine's crash, which no
        // test makes. synchronous_commit stays on: with it off, StopAsync (an immediate stop, as a crash) loses commits
        // the server had already acknowledged, and a restarted server no longer matches what its clients were told —
        // Quartz's nodes, for one, then wait for firings their rows no longer hold (PostgresOutageTests).
        var options = string.Create(
            CultureInfo.InvariantCulture,
            $"-c listen_addresses=127.0.0.1 -p {Port} -k {_directory} -c fsync=off -c full_page_writes=off -c max_connections=300");
        return RunToolAsync(
            "pg_ctl", ["-D", DataDirectory, "-l", Path.Combine(_directory, "server.log"), "-w", "-t", "30", "-o", options, "start"], cancellationToken);
    }

    private static bool RunsAsRoot => Environment.UserName == "root";

    private static string[] KnownInitdbPaths() =>
        Directory.Exists("/usr/lib/postgresql")
            ? [.. Directory.GetDirectories("/usr/lib/postgresql").OrderDescending(StringComparer.Ordinal).Select(d => Path.Combine(d, "bin", "initdb"))]
            : [];

    private async Task EnsureTemplateAsync(string templateName, Func<string, Task> buildTemplate, CancellationToken cancellationToken)
    {
        Task building;
        lock (_templates)
        {
            if (!_templates.TryGetValue(templateName, out building!))
            {
                building = BuildTemplateAsync(templateName, buildTemplate);
                _templates[templateName] = building;
            }
        }

        await building.WaitAsync(cancellationToken);
    }

    private async Task BuildTemplateAsync(string templateName, Func<string, Task> buildTemplate)
    {
        await AdminAsync($"CREATE DATABASE \"{templateName}\"", CancellationToken.None);
        var connectionString = ConnectionString(templateName);
        await buildTemplate(connectionString);

        // A template is copied only while nobody is connected to it.
        NpgsqlConnection.ClearPool(new NpgsqlConnection(connectionString));
    }

    private async Task AdminAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false");
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private Task RunToolAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var program = Path.Combine(_bin, tool);
        return RunsAsRoot
            ? RunAsync("runuser", ["-u", "postgres", "--", program, .. arguments], cancellationToken)
            : RunAsync(program, arguments, cancellationToken);
    }

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        // pg_ctl hands the server's output to its log file (-l), so the server does not hold these pipes open.
        await using var child = ChildProcess.Start(new ProcessStartInfo(program, arguments));
        await child.WaitForExitAsync(cancellationToken);
        if (child.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {child.ExitCode}:\n{child.Output}");
        }
    }
}
