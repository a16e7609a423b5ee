using Dashboard.Core.Metrics;
using Dashboard.Infrastructure.Influx;
using Dashboard.Infrastructure.Metrics;
using Dashboard.Integration.Tests.Metrics;
using Dashboard.Web.Features.LiveMetrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Integration.Tests.LiveMetrics;

/// <summary>
/// The shared poller wired as the app wires it (<c>AddInflux</c>, <c>AddMetricsReader</c>, <c>AddLiveMetrics</c>)
/// against one database of a real influxd, on a fake clock starting at <see cref="Start"/>. Tests
/// write points, move the clock and call <see cref="PollAtAsync"/>; the poller's own loop never runs.
/// </summary>
internal sealed class PollerHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _services;

    public PollerHost(Uri influxUrl, string database, TimeSpan pollInterval)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(MetricsReaderHost.Settings(influxUrl, database, new Dictionary<string, string?>
            {
                ["LiveMetrics:PollInterval"] = pollInterval.ToString(),
            }))
            .Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddInflux(configuration).AddMetricsReader(configuration).AddLiveMetrics(configuration);
        // Not validated on build: AddLiveMetrics also registers SignalR, whose services need a host this test has no use for.
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    public FakeTimeProvider Clock { get; } = new(Start);

    public LiveMetricsPoller Poller => _services.GetRequiredService<LiveMetricsPoller>();

    public IInfluxClient Influx => _services.GetRequiredService<IInfluxClient>();

    /// <summary>Seconds since <see cref="Start"/> on the fake clock.</summary>
    public int Elapsed => (int)(Clock.GetUtcNow() - Start).TotalSeconds;

    /// <summary>A whole <c>requests</c> point of the baseline at <paramref name="at"/>: every request under 10 ms.</summary>
    public static InfluxPoint Requests(DateTimeOffset at)
    {
        var point = new InfluxPoint("requests", at).Tag("cohort", "baseline").Tag("segment", "A").Tag("region", "eu").Field("count", 100L).Field("errors", 1L);
        foreach (var bucket in LatencyHistogram.FieldNames)
        {
            // Cumulative buckets ending at le_inf = count: a point the readers take as whole, not torn.
            point.Field(bucket, 100L);
        }

        return point;
    }

    /// <summary>Points every <paramref name="step"/> from <paramref name="from"/> up to and including <paramref name="to"/>.</summary>
    public static List<InfluxPoint> RequestsEvery(TimeSpan step, DateTimeOffset from, DateTimeOffset to)
    {
        var points = new List<InfluxPoint>();
        for (var at = from; at <= to; at += step)
        {
            points.Add(Requests(at));
        }

        return points;
    }

    /// <summary>Moves the clock to <paramref name="secondsAfterStart"/> and polls once.</summary>
    public async Task<LiveDashboardState> PollAtAsync(int secondsAfterStart)
    {
        Clock.SetUtcNow(Start.AddSeconds(secondsAfterStart));
        await Poller.PollOnceAsync(CancellationToken.None);
        return Poller.Current;
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
