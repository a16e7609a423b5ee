using System.Net.Sockets;
using System.Text;
using Dashboard.Core.Routing;

namespace Dashboard.Infrastructure.Routing;

/// <summary>
/// Sends one command to HAProxy's runtime API and returns its whole answer. HAProxy's
/// non-interactive mode takes one command per connection and closes the connection after
/// answering, so the answer is everything read until the close. Every failure, including the
/// time limit, becomes a <see cref="TrafficRouterException"/>.
/// </summary>
internal sealed class HaproxyRuntimeApi(HaproxyRuntimeEndpoint endpoint, TimeSpan timeout, TimeProvider timeProvider)
{
    // A `get weight` answer is a few bytes; anything this long is not an answer to our commands.
    private const int MaxAnswerBytes = 64 * 1024;

    public HaproxyRuntimeEndpoint Endpoint => endpoint;

    public async Task<string> SendAsync(string command, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        using var socket = endpoint.CreateSocket();
        try
        {
            await socket.ConnectAsync(endpoint.EndPoint, linked.Token);
            await socket.SendAsync(Encoding.ASCII.GetBytes(command + "\n"), SocketFlags.None, linked.Token);
            return await ReadUntilClosedAsync(socket, command, linked.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TrafficRouterException(
                $"HAProxy's runtime API at {endpoint} did not answer '{command}' within {timeout.TotalSeconds:0.###} s.", routerMessage: null);
        }
        catch (SocketException ex)
        {
            throw new TrafficRouterException(
                $"Cannot talk to HAProxy's runtime API at {endpoint} ('{command}'): {ex.Message}", routerMessage: null, ex);
        }
    }

    private async Task<string> ReadUntilClosedAsync(Socket socket, string command, CancellationToken cancellationToken)
    {
        var answer = new MemoryStream();
        var buffer = new byte[4096];
        while (true)
        {
            var read = await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
            if (read == 0)
            {
                return Encoding.ASCII.GetString(answer.GetBuffer(), 0, (int)answer.Length);
            }

            if (answer.Length + read > MaxAnswerBytes)
            {
                throw new TrafficRouterException(
                    $"HAProxy's runtime API at {endpoint} answered '{command}' with more than {MaxAnswerBytes} bytes; this is not an answer to that command.",
                    routerMessage: null);
            }

            answer.Write(buffer, 0, read);
        }
    }
}
