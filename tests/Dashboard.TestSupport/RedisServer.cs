using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace Dashboard.TestSupport;

/// <summary>
/// A real <c>redis-server</c> (Debian package <c>redis-server</c>) on a free loopback port, its folder in a temporary
/// directory, nothing saved to disk; killed and deleted on dispose. <see cref="StopAsync"/> and <see cref="RestartAsync"/>
/// take it down and bring it back on the same port, for outage tests.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    public const string InstallCommand = "sudo apt-get install -y redis-server";

    private readonly string _directory;
    private ChildProcess _process = null!;

    private RedisServer(string directory, int port)
    {
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    /// <summary>What the app's <c>Bus:Redis</c> takes: <c>127.0.0.1:PORT</c>.</summary>
    public string Configuration => $"127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    public static async Task<RedisServer> StartAsync(CancellationToken cancellationToken = default)
    {
        Prerequisites.Require("redis-server", InstallCommand, "/usr/bin/redis-server");
        var server = new RedisServer(Directory.CreateTempSubdirectory("redis-test-").FullName, FreePort.Next());
        try
        {
            await server.LaunchAsync(cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Kills redis-server (as a crash would); every client loses its connection.</summary>
    public Task StopAsync() => _process.StopAsync();

    /// <summary>Starts redis-server again on the same port.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        await _process.DisposeAsync();
        await LaunchAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

        ChildProcess.DeleteFolder(_directory);
    }

    private async Task LaunchAsync(CancellationToken cancellationToken)
    {
        var redis = Prerequisites.Require("redis-server", InstallCommand, "/usr/bin/redis-server");
        _process = ChildProcess.Start(new ProcessStartInfo(
            redis,
            ["--port", Port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", _directory, "--save", "", "--appendonly", "no"]));
        var ready = await _process.WaitUntilAsync(AnswersPingAsync, TimeSpan.FromSeconds(30), cancellationToken);
        if (!ready)
        {
            var output = _process.Output;
            await _process.DisposeAsync();
            throw new InvalidOperationException($"redis-server did not answer PING on {Configuration} within 30 s. Its output:\n{output}");
        }
    }

    // RESP by hand: the test support needs no Redis client for one PING.
    private async Task<bool> AnswersPingAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", Port, cancellationToken);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), cancellationToken);
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer, cancellationToken);
            return read >= 5 && buffer.AsSpan(0, 5).SequenceEqual("+PONG"u8);
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
