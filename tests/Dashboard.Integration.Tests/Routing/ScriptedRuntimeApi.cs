using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Dashboard.Integration.Tests.Routing;

/// <summary>
/// A stand-in for HAProxy's runtime API on a loopback TCP port, for what a real HAProxy will not do on
/// demand: answer garbage, never answer, or show the order of the commands it received. It keeps
/// HAProxy's protocol: one command line per connection, answer, close. An answer of null means
/// "stay silent with the connection open".
/// </summary>
internal sealed class ScriptedRuntimeApi : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<string, string?> _answer;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<string> _commands = new();
    private readonly Task _loop;

    public ScriptedRuntimeApi(Func<string, string?> answer)
    {
        _answer = answer;
        _listener.Start();
        _loop = Task.Run(AcceptAsync);
    }

    public string RuntimeApi =>
        $"tcp:127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture)}";

    public IReadOnlyList<string> Commands => [.. _commands];

    /// <summary>Answers like a HAProxy whose canary and baseline weights are the given ones and that accepts every set.</summary>
    public static ScriptedRuntimeApi WithWeights(int canary, int baseline) => new(command => command switch
    {
        "get weight analyzer/canary" => $"{canary} (initial {canary})\n\n",
        "get weight analyzer/baseline" => $"{baseline} (initial {baseline})\n\n",
        _ when command.StartsWith("set server ", StringComparison.Ordinal) => "\n",
        _ => "Unknown command.\n\n",
    });

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _loop;
        _listener.Dispose();
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        var connections = new List<Task>();
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                connections.Add(Task.Run(() => ServeAsync(client)));
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        await Task.WhenAll(connections);
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                using var reader = new StreamReader(stream, Encoding.ASCII, leaveOpen: true);
                var command = await reader.ReadLineAsync(_stop.Token) ?? string.Empty;
                _commands.Enqueue(command);
                if (_answer(command) is { } answer)
                {
                    await stream.WriteAsync(Encoding.ASCII.GetBytes(answer), _stop.Token);
                    return;
                }

                await Task.Delay(Timeout.Infinite, _stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException)
            {
            }
        }
    }
}
