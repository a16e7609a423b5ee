using Dashboard.Core.Metrics;

namespace Dashboard.Core.Tests.Metrics;

public sealed class SegmentVarianceTests
{
    private static CohortPair Canary(double? errorRatePct, double? p99 = null) =>
        new(new CohortMetrics { ErrorRatePct = 50 }, new CohortMetrics { ErrorRatePct = errorRatePct, P99Ms = p99 });

    [Fact]
    public void OfCanaryErrorRate_IsMaxMinusMinInPercentagePoints()
    {
        var segments = new Dictionary<string, CohortPair>
        {
            ["A"] = Canary(0.5),
            ["B"] = Canary(2.0),
            ["C"] = Canary(1.25),
        };

        Assert.Equal(1.5, SegmentVariance.OfCanaryErrorRate(segments));
    }

    [Fact]
    public void OfCanaryErrorRate_IgnoresTheBaseline()
    {
        // The baseline's 50 % in every segment must not leak into the canary's spread.
        var segments = new Dictionary<string, CohortPair> { ["A"] = Canary(1), ["B"] = Canary(1) };

        Assert.Equal(0.0, SegmentVariance.OfCanaryErrorRate(segments));
    }

    [Fact]
    public void OfCanaryErrorRate_SegmentWithoutData_DoesNotTakePart()
    {
        var segments = new Dictionary<string, CohortPair> { ["A"] = Canary(1), ["B"] = Canary(null), ["C"] = Canary(3) };

        Assert.Equal(2.0, SegmentVariance.OfCanaryErrorRate(segments));
    }

    [Fact]
    public void OfCanaryErrorRate_FewerThanTwoSegmentsWithData_IsNull()
    {
        Assert.Null(SegmentVariance.OfCanaryErrorRate(new Dictionary<string, CohortPair>()));
        Assert.Null(SegmentVariance.OfCanaryErrorRate(new Dictionary<string, CohortPair> { ["A"] = Canary(1), ["B"] = Canary(null) }));
    }

    [Fact]
    public void OfCanaryErrorRate_SegmentWithIncompletePoints_IsNullRatherThanTheSpreadOfTheOthers()
    {
        var segments = new Dictionary<string, CohortPair>
        {
            ["A"] = Canary(1),
            ["B"] = new(new CohortMetrics { ErrorRatePct = 50 }, new CohortMetrics { IncompletePoints = true }),
            ["C"] = Canary(3),
        };

        Assert.Null(SegmentVariance.OfCanaryErrorRate(segments));
    }

    [Fact]
    public void Of_AnotherMetricAndCohort_UsesThem()
    {
        var segments = new Dictionary<string, CohortPair> { ["A"] = Canary(1, 120), ["B"] = Canary(1, 180) };

        Assert.Equal(60.0, SegmentVariance.Of(segments, Cohort.Canary, metrics => metrics.P99Ms));
        Assert.Equal(0.0, SegmentVariance.Of(segments, Cohort.Baseline, metrics => metrics.ErrorRatePct));
    }

    [Fact]
    public void Spread_IgnoresNullAndNaN() =>
        Assert.Equal(4.0, SegmentVariance.Spread([1, null, double.NaN, 5, 3]));
}
