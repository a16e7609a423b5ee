using Dashboard.Core.Metrics;

namespace Dashboard.Core.Tests.Metrics;

public sealed class ChartBucketMergeTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Bucket = TimeSpan.FromSeconds(5);

    [Fact]
    public void Groups_ThinBuckets_MergeUntilEachHoldsTheMinimum()
    {
        // A 1 % canary of ~500 req/s: 25 requests a bucket.
        var buckets = Buckets(25, 25, 25, 25, 25, 25, 25, 25);

        var groups = ChartBucketMerge.Groups(buckets, Bucket, t => t.Requests ?? 0, minimum: 100);

        Assert.Equal([(T0, 4), (T0 + (4 * Bucket), 4)], groups.Select(g => (g.First, g.Buckets)));
        Assert.All(groups, g => Assert.Equal(100, g.Totals.Requests));
    }

    [Fact]
    public void Groups_BucketsThatHoldTheMinimum_StayOnePointEach()
    {
        var groups = ChartBucketMerge.Groups(Buckets(500, 480, 510), Bucket, t => t.Requests ?? 0, minimum: 200);

        Assert.Equal([1, 1, 1], groups.Select(g => g.Buckets));
    }

    [Fact]
    public void Groups_NeverBridgeAGap()
    {
        var buckets = new[] { At(0, 30), At(1, 30), At(4, 30), At(5, 300) };

        var groups = ChartBucketMerge.Groups(buckets, Bucket, t => t.Requests ?? 0, minimum: 100);

        Assert.Equal([(T0, T0 + Bucket), (T0 + (4 * Bucket), T0 + (5 * Bucket))], groups.Select(g => (g.First, g.Last)));
        Assert.Equal([60.0, 330.0], groups.Select(g => g.Totals.Requests!.Value));
    }

    [Fact]
    public void Groups_ThinRestAtTheEnd_JoinsTheGroupBeforeIt()
    {
        var groups = ChartBucketMerge.Groups(Buckets(60, 60, 60, 60, 30), Bucket, t => t.Requests ?? 0, minimum: 100);

        Assert.Equal([(2, 120.0), (3, 150.0)], groups.Select(g => (g.Buckets, g.Totals.Requests!.Value)));
        Assert.Equal(T0 + (4 * Bucket), groups[^1].Last);
    }

    [Fact]
    public void Groups_RunTooThinAsAWhole_StaysOnePoint()
    {
        var groups = ChartBucketMerge.Groups(Buckets(10, 0, 10), Bucket, t => t.Requests ?? 0, minimum: 100);

        var only = Assert.Single(groups);
        Assert.Equal((3, 20.0), (only.Buckets, only.Totals.Requests!.Value));
    }

    [Fact]
    public void Assemble_OneErrorInAThinBucket_IsDrawnAgainstTheMergedRequests()
    {
        var totals = Enumerable.Range(0, 8).Select(i => new BucketTotals(
            "canary", T0 + (i * Bucket), new WindowTotals { Requests = 25, Errors = i == 2 ? 1 : 0 }));

        var set = ChartSeriesAssembler.Assemble(ChartRange.Last15Minutes, T0, T0.AddMinutes(15), Bucket, totals, new ChartEvidence(100, 60));

        var errors = set.Series[ChartMetric.ErrorRatePct][Cohort.Canary];
        Assert.Equal([1.0, 0.0], errors.Select(p => p.Value!.Value));
        Assert.Equal([100.0, 100.0], errors.Select(p => p.Events!.Value));
        Assert.Equal(4 * Bucket, errors[0].Covers);
        // Requests per second are a rate: one point per bucket, never merged.
        Assert.Equal(8, set.Series[ChartMetric.Rps][Cohort.Canary].Count);
        Assert.All(set.Series[ChartMetric.Rps][Cohort.Canary], p => Assert.Equal(5.0, p.Value));
    }

    private static (DateTimeOffset, WindowTotals)[] Buckets(params double[] requests) =>
        [.. requests.Select((count, i) => At(i, count))];

    private static (DateTimeOffset, WindowTotals) At(int bucket, double requests) =>
        (T0 + (bucket * Bucket), new WindowTotals { Requests = requests, Errors = 0 });
}
