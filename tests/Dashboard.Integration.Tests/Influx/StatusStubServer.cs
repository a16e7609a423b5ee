using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Dashboard.TestSupport;

namespace Dashboard.Integration.Tests.Influx;

/// <summary>
/// A tiny HTTP server on 127.0.0.1 answering with scripted status codes, ONLY for answers influxd
/// cannot be made to give (429, 503 with Retry-After, 413). It records each request body.
/// </summary>
internal sealed class StatusStubServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<int, string, StubAnswer> _answer;
    private readonly ConcurrentQueue<string> _bodies = new();
    private readonly Task _loop;
    private int _requests;

    public StatusStubServer(Func<int, string, StubAnswer> answer)
    {
        _answer = answer;
        var port = FreePort.Next();
        Url = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Url.ToString());
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri Url { get; }

    public IReadOnlyList<string> Bodies => [.. _bodies];

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop.ConfigureAwait(false);
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync().ConfigureAwait(false);
            _bodies.Enqueue(body);
            var answer = _answer(Interlocked.Increment(ref _requests), body);
            context.Response.StatusCode = answer.Status;
            if (answer.RetryAfter is { } retryAfter)
            {
                context.Response.AddHeader("Retry-After", retryAfter);
            }

            var bytes = Encoding.UTF8.GetBytes(answer.Body);
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
            context.Response.Close();
        }
    }
}

internal sealed record StubAnswer(int Status, string Body = "", string? RetryAfter = null)
{
    public static StubAnswer NoContent { get; } = new(204);
}
