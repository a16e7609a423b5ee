using Dashboard.Core.Metrics;

namespace Dashboard.Core.Tests.Metrics;

public sealed class HistogramConsistencyTests
{
    // Cumulative counts for le_10, le_25, le_50, le_100, le_200, le_250, le_500, le_1000, le_inf.
    private static LatencyHistogram Histogram(params double[] cumulative) => new(cumulative);

    [Fact]
    public void IsWhole_InfBucketEqualsCountAndBucketsNeverDecrease_IsTrue() =>
        Assert.True(HistogramConsistency.IsWhole(100, Histogram(0, 10, 50, 50, 90, 95, 99, 100, 100)));

    [Fact]
    public void IsWhole_EmptyGroup_IsTrue()
    {
        Assert.True(HistogramConsistency.IsWhole(null, LatencyHistogram.Empty));
        Assert.True(HistogramConsistency.IsWhole(0, LatencyHistogram.Empty));
    }

    [Fact]
    public void IsWhole_CountWrittenButUpperBucketsNotYet_IsFalse() =>
        // The first half of a point: count and the low buckets; le_200 … le_inf still missing (0).
        Assert.False(HistogramConsistency.IsWhole(100, Histogram(0, 0, 0, 0, 0, 0, 0, 0, 0)));

    [Fact]
    public void IsWhole_InfBucketShortOfCountButMonotonic_IsFalse() =>
        Assert.False(HistogramConsistency.IsWhole(200, Histogram(0, 0, 50, 100, 100, 100, 100, 100, 100)));

    [Fact]
    public void IsWhole_InfBucketAboveCount_IsFalse() =>
        // The buckets landed, the count not yet.
        Assert.False(HistogramConsistency.IsWhole(100, Histogram(0, 0, 50, 200, 200, 200, 200, 200, 200)));

    [Fact]
    public void IsWhole_BucketsWithoutAnyCount_IsFalse() =>
        Assert.False(HistogramConsistency.IsWhole(null, Histogram(0, 0, 0, 0, 0, 0, 0, 0, 5)));

    [Fact]
    public void IsWhole_MiddleBucketBelowTheOneBefore_IsFalse() =>
        // le_inf = count, but le_200 of the newest point is missing: le_200 < le_100.
        Assert.False(HistogramConsistency.IsWhole(300, Histogram(0, 0, 0, 300, 200, 300, 300, 300, 300)));

    [Fact]
    public void IsWhole_DiffersByOneRequestInMillions_IsFalse() =>
        Assert.False(HistogramConsistency.IsWhole(4_000_001, Histogram(0, 0, 0, 0, 4e6, 4e6, 4e6, 4e6, 4e6)));
}
