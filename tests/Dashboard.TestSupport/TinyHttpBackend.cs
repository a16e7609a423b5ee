using System.Globalization;
using System.Net;
using System.Text;

namespace Dashboard.TestSupport;

/// <summary>
/// A minimal HTTP server on a free loopback port standing for one cohort behind HAProxy: it answers
/// every request with 200 and its <see cref="Name"/>, and counts the requests it served.
/// </summary>
public sealed class TinyHttpBackend : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private long _requests;

    private TinyHttpBackend(string name, int port)
    {
        Name = name;
        Port = port;
        _listener.Prefixes.Add($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public string Name { get; }

    public int Port { get; }

    public long Requests => Interlocked.Read(ref _requests);

    public static TinyHttpBackend Start(string name) => new(name, FreePort.Next());

    public void ResetCount() => Interlocked.Exchange(ref _requests, 0);

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        await _loop;
        _listener.Close();
    }

    private async Task ServeAsync()
    {
        var body = Encoding.UTF8.GetBytes(Name);
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context, body));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context, byte[] body)
    {
        Interlocked.Increment(ref _requests);
        try
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = "text/plain";
            context.Response.ContentLength64 = body.Length;
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or IOException)
        {
            // The client went away; the request still counts as having reached this backend.
        }
    }
}
