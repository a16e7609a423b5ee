using Dashboard.TestSupport;
using Microsoft.Playwright;

namespace Dashboard.E2E.Tests.TestSupport;

/// <summary>
/// A real influxd, the real app (as a child process, demo traffic on) and a headless Chromium,
/// shared by the tests of <see cref="LiveAppCollection"/>.
/// </summary>
public sealed class LiveAppFixture : IAsyncLifetime
{
    private InfluxServer? _influx;
    private AppProcess? _app;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public AppProcess App => _app ?? throw new InvalidOperationException("The app has not started.");

    public InfluxServer Influx => _influx ?? throw new InvalidOperationException("influxd has not started.");

    public async Task InitializeAsync()
    {
        _influx = await InfluxServer.StartAsync();
        _app = await AppProcess.StartAsync(new Dictionary<string, string>
        {
            ["Influx__Url"] = _influx.Url.ToString(),
            ["Influx__Database"] = "e2e",
            ["Demo__Enabled"] = "true",
            ["Demo__Seed"] = "7",
            ["LiveMetrics__PollInterval"] = "00:00:02",
        });
        (_playwright, Browser) = await Chromium.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (_influx is not null)
        {
            await _influx.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class LiveAppCollection : ICollectionFixture<LiveAppFixture>
{
    public const string Name = "live app";
}
