using Dashboard.Core.Metrics;
using Dashboard.Integration.Tests.LiveMetrics;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.TestSupport;
using Dashboard.Web.Features.LiveMetrics.Components;

namespace Dashboard.Integration.Tests.HighAvailability;

/// <summary>
/// The live metrics across two instances on a real Redis and a real influxd: the lease holder polls, the follower shows
/// its states and every chart range without reading InfluxDB itself, and shows them stale once they stop coming.
/// </summary>
[Collection(InfluxPostgresRedisCollection.Name)]
public sealed class BusLiveMetricsTests(InfluxServerFixture influx, RedisServerFixture redis)
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task FollowerStartedLater_ShowsTheLeadersPollsAndEveryChartRangeWithoutQueryingInfluxAndTurnsStaleWhenTheyStop()
    {
        var database = await influx.CreateDatabaseAsync("buslive");
        using var counter = new InfluxQueryCounter(influx.Server);
        var leader = await BusNode.StartAsync(redis.Server.Configuration, influx.Url, database, holdsLease: true, poll: true);
        await using var _ = leader;
        var now = DateTimeOffset.UtcNow;
        // Points a second apart up to two minutes ahead: the window ending "now" always has a fresh one while the test runs.
        await leader.Influx.WriteAsync(PollerHost.RequestsEvery(TimeSpan.FromSeconds(1), now.AddMinutes(-2), now.AddMinutes(2)));
        var alone = await QueriesPerPollAsync(leader, counter);

        await using var follower = await BusNode.StartAsync(redis.Server.Configuration, influx.Url, database, holdsLease: false, poll: true);
        await Eventually.UntilAsync(
            () => follower.Poller.Current.Snapshot is not null && !Freshness(follower).IsStale,
            Within,
            "the follower to show a fresh snapshot",
            () => $"{Freshness(follower)}");
        // Every chart range, though the leader read the long ones before the follower started and will not read them
        // again for minutes: the follower has them from what the leader sends again when an instance joins.
        var ranges = Enum.GetValues<ChartRange>();
        await Eventually.UntilAsync(
            () => ranges.All(follower.Poller.Current.Charts.ContainsKey),
            Within,
            "the follower to show every chart range",
            () => $"follower: {string.Join(", ", follower.Poller.Current.Charts.Keys)}; leader: {string.Join(", ", leader.Poller.Current.Charts.Keys)}");
        var together = await QueriesPerPollAsync(leader, counter);

        Assert.Equal(0, follower.Poller.PollCount);
        Assert.Equal(0, follower.Poller.ChartReads);
        Assert.True(together <= alone * 1.5, $"InfluxDB queries per poll: {together:0.0} with a follower against {alone:0.0} alone");

        await leader.DisposeAsync();
        await Eventually.UntilAsync(() => Freshness(follower).IsStale, Within, "the follower to show stale data once the polls stop", () => $"{Freshness(follower)}");
    }

    private static DataFreshness Freshness(BusNode node) => DataFreshness.Evaluate(node.Poller.Current, DateTimeOffset.UtcNow, node.Staleness);

    // Over six of the leader's polls, from one poll's end to another's, so no poll is counted half.
    private static async Task<double> QueriesPerPollAsync(BusNode leader, InfluxQueryCounter counter)
    {
        var first = await NextPollAsync(leader, leader.Poller.PollCount);
        var before = await counter.ReadAsync();
        var last = await NextPollAsync(leader, first + 5);
        var after = await counter.ReadAsync();
        return (after - before) / (double)(last - first);
    }

    private static async Task<long> NextPollAsync(BusNode leader, long after)
    {
        await Eventually.UntilAsync(() => leader.Poller.PollCount > after, Within, $"the leader's poll after {after}");
        return leader.Poller.PollCount;
    }
}
