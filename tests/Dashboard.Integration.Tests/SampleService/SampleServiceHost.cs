using System.Globalization;
using Dashboard.SampleService;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace Dashboard.Integration.Tests.SampleService;

/// <summary>A sample service in-process on a free loopback port, writing to a test database.</summary>
internal sealed class SampleServiceHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private bool _stopped;

    private SampleServiceHost(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public static WebApplication Build(Uri influxUrl, string database, IReadOnlyDictionary<string, string?> sample) =>
        SampleServiceApp.Build([], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var settings = new Dictionary<string, string?>
            {
                ["Influx:Url"] = influxUrl.ToString(),
                ["Influx:Database"] = database,
                ["Influx:FlushInterval"] = "00:00:00.2",
                ["Logging:LogLevel:Default"] = "Warning",
            };
            foreach (var (key, value) in sample)
            {
                settings[$"Sample:{key}"] = value;
            }

            builder.Configuration.AddInMemoryCollection(settings);
        });

    public static async Task<SampleServiceHost> StartAsync(Uri influxUrl, string database, IReadOnlyDictionary<string, string?> sample)
    {
        var app = Build(influxUrl, database, sample);
        await app.StartAsync();
        var url = new Uri(app.Urls.Single());
        return new SampleServiceHost(app, url);
    }

    public int Port => BaseUrl.Port;

    public string PortText => Port.ToString(CultureInfo.InvariantCulture);

    /// <summary>Stops the service: it queues its last interval and the write buffer delivers it.</summary>
    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await _app.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _app.DisposeAsync();
    }
}
