using Dashboard.Core.Demo;
using Dashboard.Core.Metrics;

namespace Dashboard.Core.Tests.Demo;

public sealed class DemoTrafficModelTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 10, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private static readonly DemoTrafficProfile Profile = new()
    {
        Segments = ["A", "B", "C"],
        Regions = ["us-east", "us-west", "eu"],
        TotalRps = 400,
        ActiveLearners = 5000,
    };

    [Fact]
    public void Generate_OneTick_YieldsOneSamplePerCohortSegmentAndRegion()
    {
        var samples = new DemoTrafficModel(Profile, seed: 1).Generate(Start, Interval, 10, CanaryFaultEffects.None);

        Assert.Equal(18, samples.Count);
        Assert.Equal(18, samples.Select(s => (s.Cohort, s.Segment, s.Region)).Distinct().Count());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    [InlineData(50)]
    public void Generate_ManyTicks_CanaryShareOfRequestsFollowsWeight(double weight)
    {
        var samples = Run(new DemoTrafficModel(Profile, seed: 7), ticks: 720, weight, CanaryFaultEffects.None);

        var canary = CohortTotals.Of(samples, Cohort.Canary).Requests;
        var baseline = CohortTotals.Of(samples, Cohort.Baseline).Requests;
        var share = 100.0 * canary / (canary + baseline);
        Assert.InRange(share, weight * 0.95, weight * 1.05);
    }

    [Fact]
    public void Generate_ManyTicks_RequestRateFollowsTotalRpsOverADay()
    {
        var model = new DemoTrafficModel(Profile, seed: 3);
        var minute = TimeSpan.FromMinutes(1);
        var samples = Enumerable.Range(0, 24 * 60)
            .SelectMany(i => model.Generate(Start + (i * minute), minute, 1, CanaryFaultEffects.None))
            .ToList();

        var requests = samples.Sum(s => s.Requests);
        Assert.InRange(requests / (24 * 3600.0), 400 * 0.98, 400 * 1.02);
    }

    [Fact]
    public void DailyLoad_PeaksAtNoonUtcAndBottomsAtMidnight()
    {
        Assert.Equal(1.3, DemoTrafficModel.DailyLoad(Start.AddHours(12)), precision: 6);
        Assert.Equal(0.7, DemoTrafficModel.DailyLoad(Start), precision: 6);
        Assert.Equal(1.0, DemoTrafficModel.DailyLoad(Start.AddHours(6)), precision: 6);
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(1)]
    [InlineData(50)]
    public void Generate_AnyWeight_CountsAreSaneAndHistogramIsCumulative(double weight)
    {
        var faults = new CanaryFaultEffects(ErrorRateIncreasePoints: 60, LatencyFactor: 20, AvailabilityDropPoints: 80, RevenueDropPct: 100);
        var samples = Run(new DemoTrafficModel(Profile, seed: 11), ticks: 300, weight, faults);

        foreach (var s in samples)
        {
            Assert.InRange(s.Errors, 0, s.Requests);
            Assert.Equal(s.Requests, s.Latency.Count);
            Assert.Equal(s.Requests, s.Latency.Cumulative[^1]);
            Assert.True(s.Latency.Cumulative.Zip(s.Latency.Cumulative.Skip(1)).All(p => p.First <= p.Second && p.First >= 0));
            Assert.InRange(s.ProbesOk, 0, s.ProbesTotal);
            Assert.True(s.ProbesTotal > 0);
            Assert.True(s.ActiveLearners >= 0 && s.Sessions >= 0 && s.Churned >= 0);
            Assert.InRange(s.Completions, 0, s.Sessions);
            Assert.True(s.CacheHits >= 0 && s.CacheMisses >= 0);
            Assert.True(double.IsFinite(s.Revenue) && s.Revenue >= 0);
            Assert.True(double.IsFinite(s.NetMbps) && s.NetMbps >= 0);
            Assert.True(double.IsFinite(s.DbQueryMs) && s.DbQueryMs > 0);
            Assert.InRange(s.CpuPct, 1, 100);
        }
    }

    [Fact]
    public void Generate_WeightZero_YieldsNoCanarySamples()
    {
        var samples = new DemoTrafficModel(Profile, seed: 1).Generate(Start, Interval, 0, CanaryFaultEffects.None);

        Assert.Equal(9, samples.Count);
        Assert.All(samples, s => Assert.Equal(Cohort.Baseline, s.Cohort));
    }

    [Fact]
    public void Generate_WeightHundred_YieldsNoBaselineSamples()
    {
        var samples = new DemoTrafficModel(Profile, seed: 1).Generate(Start, Interval, 100, CanaryFaultEffects.None);

        Assert.Equal(9, samples.Count);
        Assert.All(samples, s => Assert.Equal(Cohort.Canary, s.Cohort));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(100.1)]
    public void Generate_WeightOutsidePercentRange_Throws(double weight)
    {
        var model = new DemoTrafficModel(Profile, seed: 1);

        Assert.Throws<ArgumentOutOfRangeException>(() => model.Generate(Start, Interval, weight, CanaryFaultEffects.None));
    }

    [Fact]
    public void Generate_SameSeed_SameSamples()
    {
        var first = Run(new DemoTrafficModel(Profile, seed: 42), ticks: 20, 5, CanaryFaultEffects.None);
        var second = Run(new DemoTrafficModel(Profile, seed: 42), ticks: 20, 5, CanaryFaultEffects.None);

        Assert.Equal(first.Select(s => (s.Requests, s.Errors, s.Revenue, s.CpuPct)), second.Select(s => (s.Requests, s.Errors, s.Revenue, s.CpuPct)));
    }

    [Theory]
    [InlineData(Cohort.Baseline)]
    [InlineData(Cohort.Canary)]
    public void Generate_Healthy_GivesRealisticMetrics(Cohort cohort)
    {
        var totals = CohortTotals.Of(Run(new DemoTrafficModel(Profile, seed: 5), ticks: 720, 50, CanaryFaultEffects.None), cohort);

        Assert.InRange(totals.ErrorRatePct, 0.2, 0.4);
        Assert.InRange(totals.LatencyQuantileMs(0.99), 120, 170);
        Assert.InRange(totals.AvailabilityPct, 99.95, 99.99);
        Assert.InRange(totals.CacheEfficiencyPct, 83, 87);
        Assert.InRange(totals.MeanCpuPct, 30, 50);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(50)]
    public void Generate_Healthy_CanaryEarnsSlightlyMorePerLearner(double weight)
    {
        var samples = Run(new DemoTrafficModel(Profile, seed: 9), ticks: 720, weight, CanaryFaultEffects.None);

        var uplift = RevenuePerLearner(samples, Cohort.Canary) / RevenuePerLearner(samples, Cohort.Baseline);
        Assert.InRange(uplift, 1.01, 1.06);
    }

    [Fact]
    public void Generate_ErrorSpike_AddsItsPointsToCanaryErrorRateOnly()
    {
        var (healthy, faulty) = Compare(CanaryFaultEffects.None with { ErrorRateIncreasePoints = 5 });

        Assert.InRange(faulty.Canary.ErrorRatePct - healthy.Canary.ErrorRatePct, 4.7, 5.3);
        Assert.InRange(faulty.Baseline.ErrorRatePct - healthy.Baseline.ErrorRatePct, -0.1, 0.1);
    }

    [Fact]
    public void Generate_LatencyRegression_MultipliesCanaryLatency()
    {
        var (healthy, faulty) = Compare(CanaryFaultEffects.None with { LatencyFactor = 3 });

        Assert.InRange(faulty.Canary.LatencyQuantileMs(0.5) / healthy.Canary.LatencyQuantileMs(0.5), 2.6, 3.4);
        Assert.True(faulty.Canary.LatencyQuantileMs(0.99) > 250);
        Assert.InRange(faulty.Baseline.LatencyQuantileMs(0.99), 120, 170);
    }

    [Fact]
    public void Generate_AvailabilityDip_RemovesItsPointsOfCanaryProbeSuccesses()
    {
        var (healthy, faulty) = Compare(CanaryFaultEffects.None with { AvailabilityDropPoints = 2 });

        Assert.InRange(healthy.Canary.AvailabilityPct - faulty.Canary.AvailabilityPct, 1.7, 2.3);
        Assert.InRange(faulty.Baseline.AvailabilityPct, 99.95, 99.99);
    }

    [Fact]
    public void Generate_RevenueDrop_LowersCanaryRevenueByItsPercent()
    {
        var (healthy, faulty) = Compare(CanaryFaultEffects.None with { RevenueDropPct = 10 });

        Assert.InRange(faulty.Canary.RevenuePerLearner / healthy.Canary.RevenuePerLearner, 0.88, 0.92);
        Assert.InRange(faulty.Baseline.RevenuePerLearner / healthy.Baseline.RevenuePerLearner, 0.99, 1.01);
    }

    private static (CohortTotals Baseline, CohortTotals Canary) Totals(IReadOnlyList<TrafficSample> samples) =>
        (CohortTotals.Of(samples, Cohort.Baseline), CohortTotals.Of(samples, Cohort.Canary));

    private static ((CohortTotals Baseline, CohortTotals Canary) Healthy, (CohortTotals Baseline, CohortTotals Canary) Faulty) Compare(
        CanaryFaultEffects faults)
    {
        var healthy = Run(new DemoTrafficModel(Profile, seed: 21), ticks: 720, 20, CanaryFaultEffects.None);
        var faulty = Run(new DemoTrafficModel(Profile, seed: 22), ticks: 720, 20, faults);
        return (Totals(healthy), Totals(faulty));
    }

    private static double RevenuePerLearner(IReadOnlyList<TrafficSample> samples, Cohort cohort) =>
        CohortTotals.Of(samples, cohort).RevenuePerLearner;

    private static List<TrafficSample> Run(DemoTrafficModel model, int ticks, double weight, CanaryFaultEffects faults) =>
        [.. Enumerable.Range(0, ticks).SelectMany(i => model.Generate(Start + (i * Interval), Interval, weight, faults))];
}
