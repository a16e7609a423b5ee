using System.Net;
using System.Net.Sockets;
using Dashboard.TestSupport;

namespace Dashboard.Integration.Tests.Influx;

/// <summary>
/// A loopback port that refuses connections until <see cref="Start"/>, then forwards them to the
/// real influxd: a server that is "down" and later comes "up" without a second influxd.
/// </summary>
internal sealed class TcpForwarder(Uri target) : IAsyncDisposable
{
    private readonly int _port = FreePort.Next();
    private readonly CancellationTokenSource _stop = new();
    private TcpListener? _listener;
    private Task _loop = Task.CompletedTask;

    public Uri Url => new($"http://127.0.0.1:{_port}");

    public void Start()
    {
        _listener = new TcpListener(IPAddress.Loopback, _port);
        _listener.Start();
        _loop = Task.Run(AcceptAsync);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener?.Stop();
        await _loop;
        _listener?.Dispose();
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener!.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = ForwardAsync(client);
        }
    }

    private async Task ForwardAsync(TcpClient client)
    {
        using (client)
        using (var upstream = new TcpClient())
        {
            try
            {
                await upstream.ConnectAsync(target.Host, target.Port, _stop.Token);
                var down = client.GetStream();
                var up = upstream.GetStream();
                await Task.WhenAny(down.CopyToAsync(up, _stop.Token), up.CopyToAsync(down, _stop.Token));
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException)
            {
                // The client or the server closed the connection; nothing to forward any more.
            }
        }
    }
}
