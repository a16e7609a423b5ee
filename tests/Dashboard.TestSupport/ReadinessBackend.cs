using System.Globalization;
using System.Net;
using System.Text;

namespace Dashboard.TestSupport;

/// <summary>
/// A minimal HTTP server on a free loopback port standing for one app instance behind the HAProxy front:
/// <c>/healthz</c> answers 200, <c>/readyz</c> 200 or 503 as <see cref="Ready"/> says, and every other path 200
/// with its <see cref="Name"/>. It keeps the forwarded headers of the last such request.
/// </summary>
public sealed class ReadinessBackend : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private volatile bool _ready = true;
    private volatile string? _lastForwardedFor;
    private volatile string? _lastForwardedProto;

    private ReadinessBackend(string name, int port)
    {
        Name = name;
        Url = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        _listener.Prefixes.Add(Url.ToString());
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public string Name { get; }

    public Uri Url { get; }

    /// <summary>Whether <c>/readyz</c> answers 200 (true) or 503.</summary>
    public bool Ready
    {
        get => _ready;
        set => _ready = value;
    }

    /// <summary>The <c>X-Forwarded-For</c> values of the last request other than a check, comma-joined.</summary>
    public string? LastForwardedFor => _lastForwardedFor;

    public string? LastForwardedProto => _lastForwardedProto;

    public static ReadinessBackend Start(string name) => new(name, FreePort.Next());

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        await _loop;
        _listener.Close();
    }

    private async Task ServeAsync()
    {
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

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var path = context.Request.Url?.AbsolutePath;
        var status = path == "/readyz" && !Ready ? 503 : 200;
        if (path is not "/readyz" and not "/healthz")
        {
            _lastForwardedFor = string.Join(',', context.Request.Headers.GetValues("X-Forwarded-For") ?? []);
            _lastForwardedProto = context.Request.Headers["X-Forwarded-Proto"];
        }

        var body = Encoding.UTF8.GetBytes(Name);
        try
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = "text/plain";
            context.Response.ContentLength64 = body.Length;
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or IOException)
        {
            // The client (HAProxy's check or a request) went away; nothing to answer.
        }
    }
}
