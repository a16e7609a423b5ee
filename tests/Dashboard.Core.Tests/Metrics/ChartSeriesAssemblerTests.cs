using Dashboard.Core.Metrics;

namespace Dashboard.Core.Tests.Metrics;

public sealed class ChartSeriesAssemblerTests
{
    private static readonly DateTimeOffset From = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Bucket = TimeSpan.FromSeconds(3);

    [Fact]
    public void Assemble_ComputesEachBucketFromItsOwnSums()
    {
        var totals = new[]
        {
            new BucketTotals("canary", From.Add(Bucket), new WindowTotals
            {
                Requests = 30, Errors = 3, ProbesOk = 9, ProbesTotal = 10,
                Latency = new LatencyHistogram([0, 0, 0, 0, 30, 30, 30, 30, 30]),
            }),
            new BucketTotals("canary", From, new WindowTotals { Requests = 6, Errors = 0 }),
            new BucketTotals("canary", From, new WindowTotals { Requests = 6, Errors = 3 }),
            new BucketTotals("baseline", From, new WindowTotals { ProbesOk = 1, ProbesTotal = 1 }),
        };

        var set = ChartSeriesAssembler.Assemble(ChartRange.Last15Minutes, From, From.AddMinutes(15), Bucket, totals);

        var canaryErrors = set.Series[ChartMetric.ErrorRatePct][Cohort.Canary];
        Assert.Equal([(From, 25.0), (From.Add(Bucket), 10.0)], canaryErrors.Select(p => (p.Time, p.Value!.Value)));
        Assert.Equal([12.0, 30.0], canaryErrors.Select(p => p.Events!.Value));
        Assert.Equal([new SeriesPoint(From, 4.0), new SeriesPoint(From.Add(Bucket), 10.0)], set.Series[ChartMetric.Rps][Cohort.Canary]);
        // Rank 29.7 of 30, all inside (100, 200] → 100 + 100 × 0.99.
        Assert.Equal([null, 199.0], set.Series[ChartMetric.P99Ms][Cohort.Canary].Select(p => p.Value));
        Assert.Equal(90.0, set.Series[ChartMetric.AvailabilityPct][Cohort.Canary][1].Value!.Value, 9);
        Assert.Equal([(From, 100.0)], set.Series[ChartMetric.AvailabilityPct][Cohort.Baseline].Select(p => (p.Time, p.Value!.Value)));
        Assert.Equal([(From, (double?)null)], set.Series[ChartMetric.ErrorRatePct][Cohort.Baseline].Select(p => (p.Time, p.Value)));
        Assert.Equal(Bucket, set.Bucket);
    }

    [Fact]
    public void Assemble_NoData_GivesEmptySeriesForEveryMetricAndCohort()
    {
        var set = ChartSeriesAssembler.Assemble(ChartRange.LastHour, From, From.AddHours(1), Bucket, []);

        Assert.Equal(Enum.GetValues<ChartMetric>(), set.Series.Keys.Order());
        Assert.All(set.Series.Values, byCohort =>
        {
            Assert.Equal(2, byCohort.Count);
            Assert.All(byCohort.Values, Assert.Empty);
        });
    }
}
