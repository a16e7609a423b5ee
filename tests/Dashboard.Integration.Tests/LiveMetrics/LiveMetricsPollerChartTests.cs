using Dashboard.Core.Metrics;
using Dashboard.Integration.Tests.TestSupport;
using static Dashboard.Integration.Tests.LiveMetrics.PollerHost;

namespace Dashboard.Integration.Tests.LiveMetrics;

/// <summary>
/// When the poller reads a chart range again, on a real influxd. The 36 h range has 298 buckets of
/// 435 s, so on its schedule it is read every 7 min 15 s; the settle time is the staleness limit
/// (5 s points + 5 s polls + 5 s grace = 15 s).
/// </summary>
[Collection(InfluxCollection.Name)]
public sealed class LiveMetricsPollerChartTests(InfluxServerFixture influx)
{
    private static readonly TimeSpan FiveSeconds = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Poll_RangeReadWhileItsHistoryIsWritten_IsReadAtEveryPollUntilComplete()
    {
        await using var host = await StartWithLivePointsAsync("backfill", liveUntilSecond: 60);
        // A backlog written oldest first, in three parts, as a service catching up would: a point every 5 min over 36 h.
        var history = RequestsEvery(TimeSpan.FromMinutes(5), Start.AddHours(-36).AddMinutes(-10), Start.AddMinutes(-2));
        var third = history.Count / 3;
        var reads = new List<int>();
        var partialBucketCounts = new List<int>();

        async Task PollAsync(int second)
        {
            var state = await host.PollAtAsync(second);
            var range = state.Charts[ChartRange.Last36Hours];
            if (range.To == host.Clock.GetUtcNow())
            {
                reads.Add(second);
                partialBucketCounts.Add(FilledBuckets(range));
            }
        }

        // Nothing written yet: the incomplete range is read for one settle time after its first read.
        foreach (var second in new[] { 0, 5, 10 })
        {
            await PollAsync(second);
        }

        await host.Influx.WriteAsync(history[..third]);
        await PollAsync(15);
        await PollAsync(20);
        await host.Influx.WriteAsync(history[third..(2 * third)]);
        await PollAsync(25);
        await host.Influx.WriteAsync(history[(2 * third)..]);
        await PollAsync(30);
        await PollAsync(35);
        await PollAsync(40);

        Assert.Equal([0, 5, 10, 15, 20, 25, 30], reads);
        var complete = host.Poller.Current.Charts[ChartRange.Last36Hours];
        Assert.Equal(298, BucketCount(complete));
        Assert.InRange(FilledBuckets(complete), 297, 298);
        Assert.True(partialBucketCounts[3] > partialBucketCounts[2] && partialBucketCounts[5] > partialBucketCounts[4], string.Join(", ", partialBucketCounts));
    }

    [Fact]
    public async Task Poll_SparseRanges_AreReadOnTheirScheduleOnceTheyStopGrowing()
    {
        // Only the newest minute and the live points after it: every range but 15 min stays incomplete for good.
        await using var host = await StartWithLivePointsAsync("sparse", liveUntilSecond: 120);
        var reads = Enum.GetValues<ChartRange>().ToDictionary(range => range, _ => new List<int>());

        for (var second = 0; second <= 90; second += 5)
        {
            var state = await host.PollAtAsync(second);
            foreach (var (range, set) in state.Charts)
            {
                if (set.To == host.Clock.GetUtcNow())
                {
                    reads[range].Add(second);
                }
            }
        }

        // 36 h and 6 h: read for one settle time, then not before a 435 s / 75 s bucket has passed.
        Assert.Equal([0, 5, 10, 15], reads[ChartRange.Last36Hours]);
        Assert.Equal([0, 5, 10, 15, 90], reads[ChartRange.Last6Hours]);
        // 1 h (15 s buckets): new buckets at the front are explained by time and do not count as growth.
        Assert.Equal([0, 5, 10, 15, 30, 45, 60, 75, 90], reads[ChartRange.LastHour]);
        Assert.Equal(19, reads[ChartRange.Last15Minutes].Count);
    }

    [Fact]
    public async Task Poll_ReadsThatTakeTime_RangeIsReadOnItsScheduleCountedFromThePoll()
    {
        await using var host = await StartWithLivePointsAsync("slow", liveUntilSecond: 120);
        // Each look at the clock moves it on 100 ms, as reads that take time do: a range read in a poll ends after the poll began.
        host.Clock.AutoAdvanceAmount = TimeSpan.FromMilliseconds(100);
        var reads = new List<int>();
        ChartSeriesSet? shown = null;

        for (var second = 0; second <= 60; second += 5)
        {
            var state = await host.PollAtAsync(second);
            if (!ReferenceEquals(state.Charts[ChartRange.Last15Minutes], shown))
            {
                reads.Add(second);
                shown = state.Charts[ChartRange.Last15Minutes];
            }
        }

        // 5 s buckets at 5 s polls: every poll, not every other one once the range stopped filling (after 15 s).
        Assert.Equal(Enumerable.Range(0, 13).Select(i => i * 5), reads);
    }

    private async Task<PollerHost> StartWithLivePointsAsync(string database, int liveUntilSecond)
    {
        var host = new PollerHost(influx.Url, await influx.CreateDatabaseAsync(database), FiveSeconds);
        // Points stamped ahead of the fake clock stay out of every read until the clock passes them.
        await host.Influx.WriteAsync(RequestsEvery(FiveSeconds, Start.AddMinutes(-1), Start.AddSeconds(liveUntilSecond)));
        return host;
    }

    private static int FilledBuckets(ChartSeriesSet set) =>
        set.Series.Values.SelectMany(byCohort => byCohort.Values).SelectMany(points => points).Select(point => point.Time).Distinct().Count();

    private static int BucketCount(ChartSeriesSet set) => (int)Math.Ceiling((set.To - set.From) / set.Bucket);
}
