using Dashboard.Core.Metrics;

namespace Dashboard.Core.Tests.Metrics;

public sealed class GaugeTotalTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private static GaugeSample Sample(string segment, int bucket, double value) =>
        new(new SeriesTags("canary", segment, "eu"), T0.AddSeconds(30 * bucket), value);

    [Fact]
    public void MeanOfBucketSums_SeriesAtTheSameTime_AreSummedNotAveraged()
    {
        // Segments A and B report 100 and 300 learners at the same instants: 400 learners, not 200.
        var total = GaugeTotal.MeanOfBucketSums([Sample("A", 0, 100), Sample("B", 0, 300), Sample("A", 1, 100), Sample("B", 1, 300)]);

        Assert.Equal(400.0, total);
    }

    [Fact]
    public void MeanOfBucketSums_IsTheMeanOverBucketsOfTheTotals()
    {
        // Totals per bucket: 100+300 = 400, then 200+400 = 600 → mean 500.
        var total = GaugeTotal.MeanOfBucketSums([Sample("A", 0, 100), Sample("B", 0, 300), Sample("A", 1, 200), Sample("B", 1, 400)]);

        Assert.Equal(500.0, total);
    }

    [Fact]
    public void MeanOfBucketSums_SeriesStartingLate_CountsOnlyWhereItReported()
    {
        // B only appears in the second bucket: totals 100 and 400 → 250.
        var total = GaugeTotal.MeanOfBucketSums([Sample("A", 0, 100), Sample("A", 1, 100), Sample("B", 1, 300)]);

        Assert.Equal(250.0, total);
    }

    [Fact]
    public void MeanOfBucketSums_NoSamples_IsNull() =>
        Assert.Null(GaugeTotal.MeanOfBucketSums([]));

    [Fact]
    public void MeanOfBucketSums_ZeroLearners_IsZeroNotNull() =>
        Assert.Equal(0.0, GaugeTotal.MeanOfBucketSums([Sample("A", 0, 0)]));
}
