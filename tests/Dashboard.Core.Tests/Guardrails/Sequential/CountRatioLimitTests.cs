using Dashboard.Core.Evaluation;
using Dashboard.Core.Guardrails.Sequential;
using Dashboard.Core.Plans;

namespace Dashboard.Core.Tests.Guardrails.Sequential;

public sealed class CountRatioLimitTests
{
    [Fact]
    public void TryFrom_ErrorRateAbove_IsErrorsAboveTheFraction()
    {
        var limit = CountRatioLimit.TryFrom(new MetricCondition(MetricKeys.ErrorRatePct, Comparator.GreaterThan, 1.5))!;

        Assert.Equal(0.015, limit.Limit, 1e-15);
        Assert.True(limit.BreachAbove);
        Assert.Equal(CountSignal.Errors, limit.BreachSignal);
        Assert.Equal(CountSignal.Errors, limit.ComparativeSignal);
    }

    [Fact]
    public void TryFrom_AvailabilityBelow_IsFailedProbesAboveOneMinusIt()
    {
        var limit = CountRatioLimit.TryFrom(new MetricCondition(MetricKeys.AvailabilityPct, Comparator.LessThan, 99))!;

        Assert.Equal(0.01, limit.Limit, 1e-12);
        Assert.True(limit.BreachAbove);
        Assert.Equal(CountSignal.FailedProbes, limit.HealthSignal);
        Assert.Equal(CountSignal.FailedProbes, limit.ComparativeSignal);
    }

    [Fact]
    public void TryFrom_P99AboveABucketBound_UsesThatBucketOnBothSides()
    {
        var limit = CountRatioLimit.TryFrom(new MetricCondition(MetricKeys.P99Ms, Comparator.GreaterThan, 250))!;

        Assert.Equal(0.01, limit.Limit, 1e-15);
        Assert.Equal(CountSignal.SlowerThan(250), limit.BreachSignal);
        Assert.Equal(CountSignal.SlowerThan(250), limit.HealthSignal);
    }

    [Fact]
    public void TryFrom_P99BetweenBounds_ProvesTheBreachAboveAndHealthBelow()
    {
        // 150 ms lies between the 100 and 200 ms buckets: over 200 is surely over 150, over 100 may be.
        var limit = CountRatioLimit.TryFrom(new MetricCondition(MetricKeys.P99Ms, Comparator.GreaterThanOrEqual, 150))!;

        Assert.Equal(CountSignal.SlowerThan(200), limit.BreachSignal);
        Assert.Equal(CountSignal.SlowerThan(100), limit.HealthSignal);
        Assert.Equal(CountSignal.SlowerThan(100), limit.ComparativeSignal);
    }

    [Fact]
    public void TryFrom_P95BelowThreshold_IsABreachOfFewSlowRequestsWithoutComparison()
    {
        var limit = CountRatioLimit.TryFrom(new MetricCondition(MetricKeys.P95Ms, Comparator.LessThan, 150))!;

        Assert.Equal(0.05, limit.Limit, 1e-15);
        Assert.False(limit.BreachAbove);
        Assert.Equal(CountSignal.SlowerThan(100), limit.BreachSignal);
        Assert.Null(limit.ComparativeSignal);
    }

    [Fact]
    public void TryFrom_P99OverTheLastBound_CannotProveABreach()
    {
        var limit = CountRatioLimit.TryFrom(new MetricCondition(MetricKeys.P99Ms, Comparator.GreaterThan, 2000))!;

        Assert.Null(limit.BreachSignal);
        Assert.Equal(CountSignal.SlowerThan(1000), limit.HealthSignal);
    }

    [Theory]
    [InlineData(MetricKeys.RevenueImpactPct, -5.0)]
    [InlineData(MetricKeys.SegmentVariancePp, 2.0)]
    [InlineData(MetricKeys.CacheEfficiencyPct, 75.0)]
    [InlineData(MetricKeys.ErrorRatePct, 0.0)]
    [InlineData(MetricKeys.AvailabilityPct, 100.0)]
    public void TryFrom_NotACountRatioLimit_IsNull(string metric, double threshold) =>
        Assert.Null(CountRatioLimit.TryFrom(new MetricCondition(metric, Comparator.LessThan, threshold)));
}
