using Dashboard.Core.Guardrails.Sequential;
using Dashboard.Core.Metrics;

namespace Dashboard.Core.Tests.Guardrails.Sequential;

public sealed class CountSignalTests
{
    // 1000 requests: 990 at most 250 ms, 996 at most 500 ms.
    private static readonly LatencyHistogram Histogram = new([100, 400, 700, 900, 980, 990, 996, 1000, 1000]);

    [Fact]
    public void Read_WholeTotals_CountsEachSignal()
    {
        var totals = Requests(1000, 7, Histogram) with { ProbesOk = 88, ProbesTotal = 90 };

        Assert.Equal(new CountReading(1000, 7), CountSignal.Errors.Read(totals, DataFlaw.NoCanaryData));
        Assert.Equal(new CountReading(1000, 10), CountSignal.SlowerThan(250).Read(totals, DataFlaw.NoCanaryData));
        Assert.Equal(new CountReading(1000, 4), CountSignal.SlowerThan(500).Read(totals, DataFlaw.NoCanaryData));
        Assert.Equal(new CountReading(90, 2), CountSignal.FailedProbes.Read(totals, DataFlaw.NoCanaryData));
    }

    [Fact]
    public void Read_NoPointOrNoTrials_IsTheMissingFlaw()
    {
        Assert.Equal(DataFlaw.NoBaselineData, CountSignal.Errors.Read(null, DataFlaw.NoBaselineData).Flaw);
        Assert.Equal(DataFlaw.NoCanaryData, CountSignal.Errors.Read(Requests(0, 0, LatencyHistogram.Empty), DataFlaw.NoCanaryData).Flaw);
        Assert.Equal(DataFlaw.NoCanaryData, CountSignal.FailedProbes.Read(Requests(1000, 7, Histogram), DataFlaw.NoCanaryData).Flaw);
    }

    [Fact]
    public void Read_TornHistogram_IsTorn()
    {
        var torn = Requests(1000, 7, new LatencyHistogram([100, 400, 700, 900, 980, 990, 996, 1000, 990]));

        Assert.True(torn.IncompletePoints);
        Assert.Equal(DataFlaw.TornPoints, CountSignal.Errors.Read(torn, DataFlaw.NoCanaryData).Flaw);
        Assert.Equal(DataFlaw.TornPoints, CountSignal.SlowerThan(250).Read(torn, DataFlaw.NoCanaryData).Flaw);
    }

    [Theory]
    [InlineData(1000.0, -1.0)]
    [InlineData(1000.0, 1001.0)]
    [InlineData(1000.0, 2.5)]
    [InlineData(1000.0, double.NaN)]
    [InlineData(-5.0, 0.0)]
    [InlineData(double.PositiveInfinity, 0.0)]
    [InlineData(1000.0, null)]
    public void Of_InconsistentCounts_AreNeverCounted(double trials, double? events) =>
        Assert.Equal(DataFlaw.InconsistentCounts, CountReading.Of(trials, events, DataFlaw.NoCanaryData).Flaw);

    [Fact]
    public void SlowerThan_NotABucketBound_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => CountSignal.SlowerThan(150));

    private static WindowTotals Requests(double count, double errors, LatencyHistogram latency) =>
        WindowTotals.OfRequests(count, errors, latency);
}
