using Dashboard.Core.Statistics;

namespace Dashboard.Core.Tests.Statistics;

public sealed class HodgesLehmannTests
{
    [Fact]
    public void Compute_HollanderWolfeExample_GivesTheExactEstimateAndInterval()
    {
        // reference_values.py: median of the 50 differences 0.305 (R prints "difference in
        // location 0.305"); 95 % interval = (D₍₉₎, D₍₄₂₎) with qwilcox(0.025, 10, 5) = 9.
        var shift = HodgesLehmann.Compute(MannWhitneyUTests.AtTerm, MannWhitneyUTests.Early, 0.95);

        Assert.Equal(0.305, shift.Estimate, 12);
        Assert.Equal(-0.15, shift.Lower, 12);
        Assert.Equal(0.76, shift.Upper, 12);
        Assert.Equal(NullDistribution.Exact, shift.Method);
        Assert.True(shift.AchievedConfidence >= 0.95);
    }

    [Fact]
    public void Compute_AtNinetyEightPercent_WidensTheInterval()
    {
        // reference_values.py: exact 98 % interval = (−0.17, 0.90).
        var shift = HodgesLehmann.Compute(MannWhitneyUTests.AtTerm, MannWhitneyUTests.Early, 0.98);

        Assert.Equal(-0.17, shift.Lower, 12);
        Assert.Equal(0.90, shift.Upper, 12);
    }

    [Fact]
    public void Compute_KnownShiftOfTenInLargeSamples_EstimatesTenWithNormalInterval()
    {
        // reference_values.py "shift-60" 98 %: k = 1357 → (D₍₁₃₅₇₎, D₍₂₂₄₄₎) = (2, 18).
        var baseline = Enumerable.Range(1, 60).Select(value => (double)value).ToArray();
        var canary = baseline.Select(value => value + 10).ToArray();

        var shift = HodgesLehmann.Compute(canary, baseline, 0.98);

        Assert.Equal(10, shift.Estimate);
        Assert.Equal(2, shift.Lower);
        Assert.Equal(18, shift.Upper);
        Assert.Equal(NullDistribution.NormalApproximation, shift.Method);
        Assert.Equal(0.9800864847083088, shift.AchievedConfidence, 9);
    }

    [Fact]
    public void Compute_TiedSamples_UsesTheTieCorrectedRank()
    {
        // reference_values.py "ties" 98 %: k = 7 → (−3, 0), estimate −2.
        var shift = HodgesLehmann.Compute([1.0, 2, 2, 3, 3, 3, 4], [2.0, 3, 4, 4, 5, 5, 6], 0.98);

        Assert.Equal(-2, shift.Estimate);
        Assert.Equal(-3, shift.Lower);
        Assert.Equal(0, shift.Upper);
    }

    [Fact]
    public void Estimate_OfMillionsOfPairs_IsExactWithoutMaterialisingThem()
    {
        // 3 000 × 3 000 = 9 million differences of two interleaved grids shifted by 0.375.
        var baseline = Enumerable.Range(0, 3000).Select(value => value * 0.5).ToArray();
        var canary = baseline.Select(value => value + 0.375).Reverse().ToArray();

        Assert.Equal(0.375, HodgesLehmann.Estimate(canary, baseline));
    }

    [Theory]
    [InlineData(new[] { 1.0, 2, 3 }, new[] { 0.0 }, 2.0)]
    [InlineData(new[] { 1.0, 2, 3, 10 }, new[] { 0.0 }, 2.5)]
    [InlineData(new[] { -5.0, -4 }, new[] { 1.0, 2 }, -6.0)]
    public void Estimate_IsTheMedianOfPairwiseDifferences(double[] x, double[] y, double expected)
    {
        Assert.Equal(expected, HodgesLehmann.Estimate(x, y));
    }

    [Fact]
    public void Compute_SamplesTooSmallForTheConfidence_ReportFullRangeAndTheCoverageAchieved()
    {
        // With 3 against 3, P(U ≤ 0) = 1/20 > 0.01: 98 % is out of reach, as R warns.
        var shift = HodgesLehmann.Compute([11.0, 12, 13], [1.0, 2, 3], 0.98);

        Assert.Equal(8, shift.Lower);
        Assert.Equal(12, shift.Upper);
        Assert.Equal(0.9, shift.AchievedConfidence, 12);
    }
}
