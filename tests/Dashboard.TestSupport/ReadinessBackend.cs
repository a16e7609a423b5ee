using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.TestSupport;

/// <summary>
/// A minimal Kestrel server on a free loopback port standing for one app instance behind the HAProxy front:
/// <c>/healthz</c> answers 200, <c>/readyz</c> 200 or 503 as <see cref="Ready"/> says, and every other path 200
/// with its <see cref="Name"/>. It keeps every <c>X-Forwarded-*</c> header line of the last such request, as Kestrel
/// (and so the app) receives them: a header sent twice is two values.
/// </summary>
public sealed class ReadinessBackend : IAsyncDisposable
{
    private readonly WebApplication _app;
    private volatile bool _ready = true;
    private volatile string[] _lastForwardedFor = [];
    private volatile string[] _lastForwardedProto = [];

    private ReadinessBackend(string name)
    {
        Name = name;
        // Empty builder: no configuration files or environment, so nothing of the test host's settings leaks in.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRoutingCore();
        _app = builder.Build();
        _app.MapGet("/healthz", () => Results.Text("alive"));
        _app.MapGet("/readyz", () => Ready ? Results.Text("ready") : Results.StatusCode(StatusCodes.Status503ServiceUnavailable));
        _app.MapFallback((HttpRequest request) =>
        {
            _lastForwardedFor = [.. request.Headers["X-Forwarded-For"].OfType<string>()];
            _lastForwardedProto = [.. request.Headers["X-Forwarded-Proto"].OfType<string>()];
            return Results.Text(Name);
        });
    }

    public string Name { get; }

    public Uri Url { get; private set; } = null!;

    /// <summary>Whether <c>/readyz</c> answers 200 (true) or 503.</summary>
    public bool Ready
    {
        get => _ready;
        set => _ready = value;
    }

    /// <summary>The <c>X-Forwarded-For</c> header lines of the last request other than a check.</summary>
    public IReadOnlyList<string> LastForwardedFor => _lastForwardedFor;

    public IReadOnlyList<string> LastForwardedProto => _lastForwardedProto;

    public static async Task<ReadinessBackend> StartAsync(string name)
    {
        var backend = new ReadinessBackend(name);
        await backend._app.StartAsync();
        backend.Url = new Uri(backend._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        return backend;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
