using Dashboard.Integration.Tests.TestSupport;
using static Dashboard.Integration.Tests.LiveMetrics.PollerHost;

namespace Dashboard.Integration.Tests.LiveMetrics;

/// <summary>
/// The poller judges staleness by the newest point against <c>Metrics:PointInterval</c> + its poll
/// interval + <c>LiveMetrics:StaleGrace</c> (5 s + poll + 5 s), on a real influxd.
/// </summary>
[Collection(InfluxCollection.Name)]
public sealed class LiveMetricsPollerStalenessTests(InfluxServerFixture influx)
{
    private static readonly TimeSpan FiveSeconds = TimeSpan.FromSeconds(5);

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    public async Task Poll_PointsEveryFiveSeconds_IsNeverStaleWhateverThePollInterval(int pollSeconds)
    {
        await using var host = new PollerHost(influx.Url, await influx.CreateDatabaseAsync("fresh"), TimeSpan.FromSeconds(pollSeconds));
        await host.Influx.WriteAsync(RequestsEvery(FiveSeconds, Start.AddMinutes(-1), Start.AddMinutes(1)));

        var staleAt = new List<(int Second, string Reason)>();
        for (var second = 0; second <= 30; second += pollSeconds)
        {
            var state = await host.PollAtAsync(second);
            if (state.StaleReason is { } reason)
            {
                staleAt.Add((second, reason));
            }
        }

        Assert.Empty(staleAt);
    }

    [Theory]
    [InlineData(1, 11)]
    [InlineData(5, 15)]
    public async Task Poll_NoPointForLongerThanTheLimit_IsStaleSayingHowLong(int pollSeconds, int limitSeconds)
    {
        await using var host = new PollerHost(influx.Url, await influx.CreateDatabaseAsync("stale"), TimeSpan.FromSeconds(pollSeconds));
        await host.Influx.WriteAsync(RequestsEvery(FiveSeconds, Start.AddMinutes(-1), Start));

        var atLimit = await host.PollAtAsync(limitSeconds);
        var pastLimit = await host.PollAtAsync(limitSeconds + 1);

        Assert.Null(atLimit.StaleReason);
        Assert.Equal($"No new data for {limitSeconds + 1} s", pastLimit.StaleReason);
    }
}
