using Dashboard.Core.Statistics;

namespace Dashboard.Core.Tests.Statistics;

public sealed class MannWhitneyClassifierTests
{
    private static readonly MannWhitneyClassifier Kayenta = new(new CanaryJudgeOptions());

    /// <summary>Twenty per-interval P99 values from 95 to 114 ms.</summary>
    private static double[] Latency(double shift = 0) => [.. Enumerable.Range(95, 20).Select(value => value + shift)];

    private static MetricComparison Classify(double[] canary, double[] baseline, HarmfulDirection harmful = HarmfulDirection.Increase, MannWhitneyClassifier? classifier = null) =>
        (classifier ?? Kayenta).Classify(new MetricSamples("p99Ms", canary, baseline, harmful));

    [Fact]
    public void Classify_IdenticalSamples_PassesWithPValueOne()
    {
        var result = Classify(Latency(), Latency());

        Assert.Equal(MetricClassification.Pass, result.Classification);
        Assert.Equal(1.0, result.Test!.PValue);
        Assert.Equal(0, result.Shift!.Estimate);
    }

    [Fact]
    public void Classify_LatencyClearlyHigher_FailsHigh()
    {
        var result = Classify(Latency(30), Latency());

        Assert.Equal(MetricClassification.High, result.Classification);
        Assert.True(result.IsFailure);
        Assert.Equal(30, result.Shift!.Estimate);
        Assert.True(result.Test!.PValue < 1e-6);
        // Exact: p = 2 / C(40, 20), interval (D₍ₖ₎, D₍₄₀₁₋ₖ₎) with k = qwilcox(0.01, 20, 20) (reference_values.py).
        Assert.Equal("Canary is higher than baseline (p = 1.45E-11): shift +30 (98 % CI 25 to 35).", result.Reason);
    }

    [Fact]
    public void Classify_LatencyClearlyLower_PassesBecauseADecreaseIsNotHarmful()
    {
        var result = Classify(Latency(-30), Latency());

        Assert.Equal(MetricClassification.Pass, result.Classification);
        Assert.Contains("not harmful", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_AvailabilityClearlyLower_FailsLow()
    {
        var result = Classify(Latency(-30), Latency(), HarmfulDirection.Decrease);

        Assert.Equal(MetricClassification.Low, result.Classification);
    }

    [Fact]
    public void Classify_AvailabilityClearlyHigher_Passes()
    {
        Assert.Equal(MetricClassification.Pass, Classify(Latency(30), Latency(), HarmfulDirection.Decrease).Classification);
    }

    [Theory]
    [InlineData(30, MetricClassification.High)]
    [InlineData(-30, MetricClassification.Low)]
    [InlineData(1, MetricClassification.Pass)]
    public void Classify_EitherDirectionHarmful_FailsBothWays(double shift, MetricClassification expected)
    {
        Assert.Equal(expected, Classify(Latency(shift), Latency(), HarmfulDirection.Either).Classification);
    }

    [Fact]
    public void Classify_OverlappingSamples_PassAsNotSignificant()
    {
        var result = Classify(Latency(2), Latency());

        Assert.Equal(MetricClassification.Pass, result.Classification);
        Assert.True(result.Test!.PValue >= 0.02);
        Assert.StartsWith("No significant difference", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_SignificantShiftWhoseIntervalReachesInsideTheTolerance_PassesUnlessToleranceIsZero()
    {
        // 1..60 against 11..70: p = 0.0039, shift 10, 98 % interval (2, 18); 2 < 0.25 × 10.
        var baseline = Enumerable.Range(1, 60).Select(value => (double)value).ToArray();
        var canary = baseline.Select(value => value + 10).ToArray();

        var kayenta = Classify(canary, baseline);
        var strict = Classify(canary, baseline, classifier: new MannWhitneyClassifier(new CanaryJudgeOptions { ToleranceFraction = 0 }));

        Assert.Equal(MetricClassification.Pass, kayenta.Classification);
        Assert.Equal(2.5, kayenta.Tolerance);
        Assert.Contains("tolerance", kayenta.Reason, StringComparison.Ordinal);
        Assert.Equal(MetricClassification.High, strict.Classification);
    }

    [Theory]
    [InlineData(0.0, MetricClassification.High)]
    [InlineData(0.02, MetricClassification.High)]
    [InlineData(0.05, MetricClassification.Pass)]
    public void Classify_ShiftOfThreePercent_FailsOnlyAboveTheMinimumRelativeEffect(double minimum, MetricClassification expected)
    {
        // Baseline 1000..1019 ms, canary 30 ms (≈ 3 %) slower: significant at any sample size.
        var baseline = Latency(905);
        var result = Classify(Latency(935), baseline, classifier: new MannWhitneyClassifier(new CanaryJudgeOptions { MinimumRelativeEffect = minimum }));

        Assert.Equal(expected, result.Classification);
        Assert.Equal(30 / 1009.5, result.RelativeEffect!.Value, 12);
    }

    [Fact]
    public void Classify_TwoConstantButDifferentSamples_FailsWithoutAddingNoise()
    {
        var result = Classify([.. Enumerable.Repeat(7.0, 10)], [.. Enumerable.Repeat(5.0, 10)]);

        Assert.Equal(MetricClassification.High, result.Classification);
        Assert.Equal(NullDistribution.NormalApproximation, result.Test!.Method);
        Assert.Equal(2, result.Shift!.Lower);
    }

    [Fact]
    public void Classify_EveryValueTheSame_Passes()
    {
        var result = Classify([0.0, 0, 0, 0], [0.0, 0, 0]);

        Assert.Equal(MetricClassification.Pass, result.Classification);
        Assert.Null(result.RelativeEffect);
    }

    [Fact]
    public void Classify_ThreeAgainstThreeFullySeparated_PassesBecauseNinetyEightPercentIsOutOfReach()
    {
        // Exact two-sided p = 2/20 = 0.1: three intervals each cannot show significance at 0.98.
        var result = Classify([11.0, 12, 13], [1.0, 2, 3]);

        Assert.Equal(MetricClassification.Pass, result.Classification);
        Assert.Equal(0.1, result.Test!.PValue, 12);
    }

    [Theory]
    [InlineData(2, 20)]
    [InlineData(20, 2)]
    [InlineData(0, 20)]
    public void Classify_FewerThanThreeSamplesOnEitherSide_IsNoData(int canaryCount, int baselineCount)
    {
        var result = Classify(Latency(30)[..canaryCount], Latency()[..baselineCount]);

        Assert.Equal(MetricClassification.NoData, result.Classification);
        Assert.False(result.HasData);
        Assert.Equal(canaryCount, result.CanaryCount);
        Assert.Null(result.Test);
        Assert.Contains("at least 3", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_NaNIntervals_DoNotCountAsSamples()
    {
        var result = Classify([130.0, double.NaN, 131, double.NaN], Latency());

        Assert.Equal(MetricClassification.NoData, result.Classification);
        Assert.Equal(2, result.CanaryCount);
    }

    [Fact]
    public void Classify_MinimumSamplesLowered_JudgesSmallSamples()
    {
        var classifier = new MannWhitneyClassifier(new CanaryJudgeOptions { MinimumSamples = 2 });

        Assert.Equal(MetricClassification.Pass, Classify([130.0, 131], [100.0, 101], classifier: classifier).Classification);
    }
}
