using Dashboard.Core.Metrics;

namespace Dashboard.Core.Tests.Metrics;

public sealed class WindowTotalsTests
{
    private static readonly TimeSpan FiveMinutes = TimeSpan.FromMinutes(5);

    private static WindowTotals Full() => new()
    {
        Requests = 600,
        Errors = 3,
        Latency = new LatencyHistogram([0, 0, 300, 600, 600, 600, 600, 600, 600]),
        ProbesOk = 1998,
        ProbesTotal = 2000,
        Revenue = 250,
        Sessions = 80,
        Completions = 20,
        Churned = 4,
        CacheHits = 90,
        CacheMisses = 30,
        CpuPctSum = 150,
        CpuPctSamples = 4,
        MemoryMbSum = 2048,
        MemoryMbSamples = 4,
    };

    [Fact]
    public void ToMetrics_ComputesEveryMetric()
    {
        var metrics = Full().ToMetrics(FiveMinutes, activeLearners: 200);

        Assert.Equal(0.5, metrics.ErrorRatePct);
        Assert.Equal(50.0, metrics.P50Ms!.Value, 9); // rank 300 = le_50's count
        Assert.Equal(95.0, metrics.P95Ms!.Value, 9); // rank 570: 50 + 50 × 270/300
        Assert.Equal(99.0, metrics.P99Ms!.Value, 9); // rank 594: 50 + 50 × 294/300
        Assert.Equal(99.9, metrics.AvailabilityPct!.Value, 9);
        Assert.Equal(2.0, metrics.Rps);
        Assert.Equal(200.0, metrics.ActiveLearners);
        Assert.Equal(1.25, metrics.RevenuePerLearner);
        Assert.Equal(25.0, metrics.CompletionRatePct);
        Assert.Equal(5.0, metrics.ChurnRatePct);
        Assert.Equal(75.0, metrics.CacheEfficiencyPct);
        Assert.Equal(37.5, metrics.CpuPct);
        Assert.Equal(512.0, metrics.MemoryMb);
    }

    [Fact]
    public void ToMetrics_EmptyWindow_GivesNullEverywhere()
    {
        var metrics = WindowTotals.Empty.ToMetrics(FiveMinutes, activeLearners: null);

        Assert.Equal(CohortMetrics.Empty, metrics);
    }

    [Fact]
    public void ToMetrics_ZeroDenominators_GiveNullNotZero()
    {
        var zeros = new WindowTotals
        {
            Requests = 0,
            Errors = 0,
            ProbesOk = 0,
            ProbesTotal = 0,
            Revenue = 0,
            Sessions = 0,
            Completions = 0,
            Churned = 0,
            CacheHits = 0,
            CacheMisses = 0,
            CpuPctSum = 0,
            CpuPctSamples = 0,
            MemoryMbSum = 0,
            MemoryMbSamples = 0,
        };

        var metrics = zeros.ToMetrics(FiveMinutes, activeLearners: 0);

        Assert.Null(metrics.ErrorRatePct);
        Assert.Null(metrics.P99Ms);
        Assert.Null(metrics.AvailabilityPct);
        Assert.Null(metrics.RevenuePerLearner);
        Assert.Null(metrics.CompletionRatePct);
        Assert.Null(metrics.ChurnRatePct);
        Assert.Null(metrics.CacheEfficiencyPct);
        Assert.Null(metrics.CpuPct);
        Assert.Null(metrics.MemoryMb);
        // Zero requests measured is a rate of zero, and zero learners is a count: both are data.
        Assert.Equal(0.0, metrics.Rps);
        Assert.Equal(0.0, metrics.ActiveLearners);
    }

    [Fact]
    public void Add_SumsFieldsAndKeepsOneSidedValues()
    {
        var sum = Full().Add(new WindowTotals { Requests = 400, Errors = 7, Latency = new LatencyHistogram([400, 400, 400, 400, 400, 400, 400, 400, 400]) });

        Assert.Equal(1000.0, sum.Requests);
        Assert.Equal(10.0, sum.Errors);
        Assert.Equal(2000.0, sum.ProbesTotal);
        Assert.Equal([400.0, 400, 700, 1000, 1000, 1000, 1000, 1000, 1000], sum.Latency.CumulativeCounts);
        Assert.Null(WindowTotals.Empty.Add(WindowTotals.Empty).Requests);
    }

    [Fact]
    public void OfRequests_WholeGroup_IsNotIncomplete()
    {
        var totals = WindowTotals.OfRequests(600, 3, new LatencyHistogram([0, 0, 300, 600, 600, 600, 600, 600, 600]));

        Assert.False(totals.IncompletePoints);
        Assert.Equal(99.0, totals.ToMetrics(FiveMinutes, null).P99Ms!.Value, 9);
    }

    [Fact]
    public void OfRequests_TornGroup_GivesNoRequestMetricButKeepsTheOthers()
    {
        // 100 of the 600 requests have their count but not yet le_200 … le_inf.
        var torn = WindowTotals.OfRequests(600, 3, new LatencyHistogram([0, 0, 300, 500, 500, 500, 500, 500, 500]))
            .Add(new WindowTotals { ProbesOk = 1998, ProbesTotal = 2000 });

        var metrics = torn.ToMetrics(FiveMinutes, activeLearners: 200);

        Assert.True(torn.IncompletePoints);
        Assert.True(metrics.IncompletePoints);
        Assert.Null(metrics.ErrorRatePct);
        Assert.Null(metrics.P50Ms);
        Assert.Null(metrics.P95Ms);
        Assert.Null(metrics.P99Ms);
        Assert.Null(metrics.Rps);
        Assert.Equal(99.9, metrics.AvailabilityPct!.Value, 9);
        Assert.Equal(200.0, metrics.ActiveLearners);
    }

    [Fact]
    public void Add_OneTornGroup_MakesTheWholeSumIncomplete()
    {
        var torn = WindowTotals.OfRequests(100, 0, LatencyHistogram.Empty);

        var sum = WindowTotals.Sum([Full(), torn, Full()]);

        Assert.True(sum.IncompletePoints);
        Assert.Null(sum.ToMetrics(FiveMinutes, null).P99Ms);
        Assert.False(WindowTotals.Sum([Full(), Full()]).IncompletePoints);
    }
}
