using Dashboard.Infrastructure.Influx;
using Dashboard.Web.Features.Demo;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dashboard.Integration.Tests.Demo;

/// <summary>
/// A minimal web app with only the demo and InfluxDB wired, the way <c>Program.cs</c> wires them,
/// listening on a free loopback port.
/// </summary>
internal sealed class DemoTestApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DemoTestApp(WebApplication app, Uri address)
    {
        _app = app;
        Http = new HttpClient { BaseAddress = address };
    }

    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Settings of a quiet demo: one tick an hour, no backfill, fixed seed, quick InfluxDB retries.</summary>
    public static Dictionary<string, string?> Settings(Uri influxUrl, string database, bool demoEnabled = true) => new()
    {
        ["Influx:Url"] = influxUrl.ToString(),
        ["Influx:Database"] = database,
        ["Influx:MaxRetries"] = "1",
        ["Influx:RetryBaseDelay"] = "00:00:00.010",
        ["Influx:MaxRetryDelay"] = "00:00:00.100",
        ["Influx:FlushInterval"] = "00:00:00.050",
        ["Demo:Enabled"] = demoEnabled ? "true" : "false",
        ["Demo:Interval"] = "00:05:00",
        ["Demo:BackfillHours"] = "0",
        ["Demo:Seed"] = "17",
        ["Demo:CanaryWeightPercent"] = "50",
    };

    public static async Task<DemoTestApp> StartAsync(IDictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.Services.AddInflux(builder.Configuration);
        builder.Services.AddDemo(builder.Configuration);

        var app = builder.Build();
        app.MapDemoEndpoints();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new DemoTestApp(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
