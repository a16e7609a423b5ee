using System.Collections.Concurrent;
using Dashboard.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dashboard.Integration.Tests.Notifications;

/// <summary>
/// A local chat webhook on 127.0.0.1: records every POST body and answers with the queued status
/// codes first (e.g. 500, 500), then 200.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _answers = new();
    private readonly ConcurrentQueue<string> _bodies = new();
    private int _requests;

    private WebhookReceiver(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Bodies of the requests answered 2xx, in order.</summary>
    public IReadOnlyList<string> Delivered => [.. _bodies];

    public static async Task<WebhookReceiver> StartAsync(params int[] firstAnswers)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        foreach (var answer in firstAnswers)
        {
            receiver._answers.Enqueue(answer);
        }

        app.MapPost("/hook", async (HttpRequest request) =>
        {
            Interlocked.Increment(ref receiver._requests);
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            var status = receiver._answers.TryDequeue(out var queued) ? queued : StatusCodes.Status200OK;
            if (status < 300)
            {
                receiver._bodies.Enqueue(body);
            }

            return Results.StatusCode(status);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        receiver.Url = new Uri(new Uri(address), "/hook");
        return receiver;
    }

    /// <summary>Waits until <paramref name="count"/> bodies were delivered, or fails with what arrived.</summary>
    public Task<IReadOnlyList<string>> WaitForDeliveredAsync(int count, TimeSpan timeout) =>
        WaitForDeliveredAsync(delivered => delivered.Count >= count, $"{count} delivered webhook call(s)", timeout);

    /// <summary>Waits until the bodies delivered so far satisfy <paramref name="done"/>, or fails with what arrived.</summary>
    public Task<IReadOnlyList<string>> WaitForDeliveredAsync(Func<IReadOnlyList<string>, bool> done, string what, TimeSpan timeout) =>
        Eventually.UntilAsync(() => Task.FromResult(Delivered), done, timeout, what, delivered => $"{delivered.Count} delivered of {Requests} request(s): {string.Join(" | ", delivered)}");

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
