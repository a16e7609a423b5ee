using Dashboard.Core.Metrics;

namespace Dashboard.Core.Tests.Metrics;

public sealed class LatencyHistogramTests
{
    // Cumulative counts for le_10, le_25, le_50, le_100, le_200, le_250, le_500, le_1000, le_inf.
    private static LatencyHistogram Histogram(params double[] cumulative) => new(cumulative);

    [Fact]
    public void Quantile_EmptyHistogram_IsNull()
    {
        Assert.Null(LatencyHistogram.Empty.Quantile(0.99));
        Assert.Null(Histogram(0, 0, 0, 0, 0, 0, 0, 0, 0).Quantile(0.5));
    }

    [Theory]
    [InlineData(0.5, 5.0)]
    [InlineData(0.99, 9.9)]
    [InlineData(1.0, 10.0)]
    public void Quantile_AllInFirstBucket_InterpolatesFromZero(double quantile, double expected)
    {
        var histogram = Histogram(100, 100, 100, 100, 100, 100, 100, 100, 100);

        Assert.Equal(expected, histogram.Quantile(quantile)!.Value, 9);
    }

    [Fact]
    public void Quantile_RankExactlyAtBucketBoundary_ReturnsThatUpperBound()
    {
        // 50 requests ≤ 10 ms, 50 more ≤ 25 ms: the median's rank (50) is the first bucket's count.
        var histogram = Histogram(50, 100, 100, 100, 100, 100, 100, 100, 100);

        Assert.Equal(10.0, histogram.Quantile(0.5));
    }

    [Fact]
    public void Quantile_RankInsideMiddleBucket_InterpolatesLinearly()
    {
        // 60 ≤ 100 ms, 100 ≤ 200 ms: P80 has rank 80, 20 of the 40 requests inside (100, 200].
        var histogram = Histogram(0, 0, 10, 60, 100, 100, 100, 100, 100);

        Assert.Equal(150.0, histogram.Quantile(0.8)!.Value, 9);
        // P30 has rank 30, 20 of the 50 requests inside (50, 100].
        Assert.Equal(70.0, histogram.Quantile(0.3)!.Value, 9);
    }

    [Fact]
    public void Quantile_AllInInfBucket_ReturnsHighestFiniteBound()
    {
        var histogram = Histogram(0, 0, 0, 0, 0, 0, 0, 0, 10);

        Assert.Equal(1000.0, histogram.Quantile(0.5));
        Assert.Equal(1000.0, histogram.Quantile(0.99));
    }

    [Fact]
    public void Quantile_RankBeyondLastFiniteBucket_ReturnsHighestFiniteBound()
    {
        // 98 of 100 requests ≤ 1000 ms: P99's rank (99) lies in the +Inf bucket.
        var histogram = Histogram(0, 0, 0, 0, 0, 0, 0, 98, 100);

        Assert.Equal(1000.0, histogram.Quantile(0.99));
        Assert.Equal(1000.0, histogram.Quantile(0.98)!.Value, 9);
    }

    [Fact]
    public void Quantile_OfSummedSeries_IsNotTheMeanOfTheirPercentiles()
    {
        var fast = Histogram(100, 100, 100, 100, 100, 100, 100, 100, 100);
        var slow = Histogram(0, 0, 0, 0, 0, 0, 0, 100, 100);

        var summed = LatencyHistogram.Sum([fast, slow]);

        // Rank 198 of 200: 98 of the 100 requests in (500, 1000] → 500 + 500 × 0.98.
        Assert.Equal(990.0, summed.Quantile(0.99)!.Value, 9);
        var meanOfPercentiles = (fast.Quantile(0.99)!.Value + slow.Quantile(0.99)!.Value) / 2;
        Assert.Equal(502.45, meanOfPercentiles, 9);
        Assert.NotEqual(meanOfPercentiles, summed.Quantile(0.99)!.Value, 3);
    }

    [Fact]
    public void Add_SumsBucketByBucket()
    {
        var sum = Histogram(1, 2, 3, 4, 5, 6, 7, 8, 9).Add(Histogram(10, 20, 30, 40, 50, 60, 70, 80, 90));

        Assert.Equal([11.0, 22, 33, 44, 55, 66, 77, 88, 99], sum.CumulativeCounts);
    }

    [Fact]
    public void Quantile_DecreasingBucket_IsNoDataRatherThanARepairedNumber()
    {
        // A torn read left le_25 behind le_10; flattening the dip as Prometheus does would give 5 ms.
        var histogram = Histogram(100, 90, 100, 100, 100, 100, 100, 100, 100);

        Assert.False(histogram.IsMonotonic);
        Assert.Null(histogram.Quantile(0.5));
        Assert.Null(histogram.Quantile(0.99));
    }

    [Fact]
    public void FromFieldSums_MissingBucket_CountsZero()
    {
        var histogram = LatencyHistogram.FromFieldSums([null, 4, 4, 4, 4, 4, 4, 4, 4]);

        Assert.Equal([0.0, 4, 4, 4, 4, 4, 4, 4, 4], histogram.CumulativeCounts);
        Assert.Equal(10.0 + (15.0 * 2 / 4), histogram.Quantile(0.5)!.Value, 9);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.1)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void Quantile_OutsideZeroToOne_Throws(double quantile) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => LatencyHistogram.Empty.Quantile(quantile));

    [Fact]
    public void Constructor_WrongBucketCount_Throws() =>
        Assert.Throws<ArgumentException>(() => new LatencyHistogram([1, 2, 3]));

    [Fact]
    public void Constructor_NegativeCount_Throws() =>
        Assert.Throws<ArgumentException>(() => Histogram(-1, 0, 0, 0, 0, 0, 0, 0, 0));

    [Fact]
    public void FieldNames_MatchTheSchemaInBucketOrder()
    {
        Assert.Equal(["le_10", "le_25", "le_50", "le_100", "le_200", "le_250", "le_500", "le_1000", "le_inf"], LatencyHistogram.FieldNames);
        Assert.Equal([10.0, 25, 50, 100, 200, 250, 500, 1000], LatencyHistogram.FiniteUpperBoundsMs);
    }
}
