using Dashboard.Core.Metrics;

namespace Dashboard.Core.Tests.Metrics;

public sealed class MetricFormulasTests
{
    [Fact]
    public void ErrorRatePct_IsErrorsOverCountTimesHundred() =>
        Assert.Equal(2.5, MetricFormulas.ErrorRatePct(5, 200));

    [Theory]
    [InlineData(0.0)]
    [InlineData(null)]
    public void ErrorRatePct_NoRequests_IsNull(double? count) =>
        Assert.Null(MetricFormulas.ErrorRatePct(0, count));

    [Fact]
    public void ErrorRatePct_ErrorsMissing_IsNull() =>
        Assert.Null(MetricFormulas.ErrorRatePct(null, 100));

    [Fact]
    public void ErrorRatePct_NoErrors_IsZero() =>
        Assert.Equal(0.0, MetricFormulas.ErrorRatePct(0, 100));

    [Fact]
    public void AvailabilityPct_IsOkOverTotal()
    {
        Assert.Equal(99.95, MetricFormulas.AvailabilityPct(1999, 2000)!.Value, 9);
        Assert.Null(MetricFormulas.AvailabilityPct(0, 0));
        Assert.Null(MetricFormulas.AvailabilityPct(null, null));
    }

    [Fact]
    public void CompletionAndChurnRates_AreOverSessions()
    {
        Assert.Equal(40.0, MetricFormulas.CompletionRatePct(20, 50));
        Assert.Equal(6.0, MetricFormulas.ChurnRatePct(3, 50));
        Assert.Null(MetricFormulas.CompletionRatePct(20, 0));
        Assert.Null(MetricFormulas.ChurnRatePct(3, null));
    }

    [Fact]
    public void CacheEfficiencyPct_IsHitsOverHitsPlusMisses()
    {
        Assert.Equal(75.0, MetricFormulas.CacheEfficiencyPct(300, 100));
        Assert.Equal(100.0, MetricFormulas.CacheEfficiencyPct(5, 0));
        Assert.Null(MetricFormulas.CacheEfficiencyPct(0, 0));
        Assert.Null(MetricFormulas.CacheEfficiencyPct(5, null));
        Assert.Null(MetricFormulas.CacheEfficiencyPct(null, 5));
    }

    [Fact]
    public void PerSecond_IsCountOverWindowSeconds()
    {
        Assert.Equal(2.5, MetricFormulas.PerSecond(750, TimeSpan.FromMinutes(5)));
        Assert.Equal(0.0, MetricFormulas.PerSecond(0, TimeSpan.FromMinutes(5)));
        Assert.Null(MetricFormulas.PerSecond(null, TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void PerSecond_EmptyWindow_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => MetricFormulas.PerSecond(1, TimeSpan.Zero));

    [Fact]
    public void Mean_IsSumOverSamples()
    {
        Assert.Equal(42.5, MetricFormulas.Mean(85, 2));
        Assert.Null(MetricFormulas.Mean(null, null));
        Assert.Null(MetricFormulas.Mean(0, 0));
    }

    [Fact]
    public void RevenuePerLearner_IsRevenueOverLearnerSecondsTimesTheWindow()
    {
        // 400 learners for the whole 300 s window: 120,000 learner-seconds.
        Assert.Equal(1.25, MetricFormulas.RevenuePerLearner(500, 120_000, TimeSpan.FromMinutes(5)));
        // The same rate seen over a tenth of the window (a canary that started 30 s ago) is the same value.
        Assert.Equal(1.25, MetricFormulas.RevenuePerLearner(50, 12_000, TimeSpan.FromMinutes(5)));
        Assert.Null(MetricFormulas.RevenuePerLearner(500, 0, TimeSpan.FromMinutes(5)));
        Assert.Null(MetricFormulas.RevenuePerLearner(500, null, TimeSpan.FromMinutes(5)));
        Assert.Null(MetricFormulas.RevenuePerLearner(null, 12_000, TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void RevenueImpactPct_IsCanaryOverBaselineMinusOne()
    {
        Assert.Equal(5.8, MetricFormulas.RelativeChangePct(1.058, 1.0)!.Value, 9);
        Assert.Equal(-20.0, MetricFormulas.RelativeChangePct(0.8, 1.0)!.Value, 9);
        Assert.Equal(0.0, MetricFormulas.RelativeChangePct(2.0, 2.0));
    }

    [Fact]
    public void RevenueImpactPct_MissingOrZeroBaseline_IsNull()
    {
        Assert.Null(MetricFormulas.RelativeChangePct(1.0, 0));
        Assert.Null(MetricFormulas.RelativeChangePct(1.0, null));
        Assert.Null(MetricFormulas.RelativeChangePct(null, 1.0));
    }
}
