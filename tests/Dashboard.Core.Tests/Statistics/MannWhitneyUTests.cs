using Dashboard.Core.Statistics;

namespace Dashboard.Core.Tests.Statistics;

public sealed class MannWhitneyUTests
{
    /// <summary>
    /// Hollander &amp; Wolfe (1973): permeability constants of the human chorioamnion at term (x)
    /// and at 12–26 weeks (y), the example of R's ?wilcox.test, which prints W = 35 and
    /// p-value = 0.1272 for the one-sided exact test.
    /// </summary>
    internal static readonly double[] AtTerm = [0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46];

    internal static readonly double[] Early = [1.15, 0.88, 0.90, 0.74, 1.21];

    [Fact]
    public void Test_HollanderWolfeExample_GivesRsPublishedStatisticAndExactPValue()
    {
        var result = MannWhitneyU.Test(AtTerm, Early);

        Assert.Equal(35, result.UX);
        Assert.Equal(15, result.UY);
        Assert.Equal(NullDistribution.Exact, result.Method);
        // R: one-sided p = 0.1272; the two-sided exact value 0.2544122544122544 counts the
        // null distribution with integers in reference_values.py.
        Assert.Equal(0.1272, Math.Round(result.PValue / 2, 4));
        Assert.Equal(0.2544122544122544, result.PValue, 12);
    }

    [Fact]
    public void Test_SwappingTheSamples_SwapsUAndKeepsTheTwoSidedPValue()
    {
        var forward = MannWhitneyU.Test(AtTerm, Early);
        var backward = MannWhitneyU.Test(Early, AtTerm);

        Assert.Equal(forward.UX, backward.UY);
        Assert.Equal(forward.UY, backward.UX);
        Assert.Equal(-forward.Z, backward.Z, 12);
        Assert.Equal(forward.PValue, backward.PValue, 12);
    }

    [Theory]
    [InlineData(new[] { 1.0 }, new[] { 2.0 })]
    [InlineData(new[] { 1.0, 2, 2, 3, 3, 3, 4 }, new[] { 2.0, 3, 4, 4, 5, 5, 6 })]
    [InlineData(new[] { 5.0, 5, 5 }, new[] { 5.0, 5 })]
    [InlineData(new[] { 9.0, 1, 7, 3, 3.5, 12, 0.5 }, new[] { 4.0, 8, 2, 6, 11, 10, 13, 14, 15 })]
    public void Test_AnySamples_UOfBothSidesAddUpToTheNumberOfPairs(double[] x, double[] y)
    {
        var result = MannWhitneyU.Test(x, y);

        Assert.Equal(x.Length * y.Length, result.UX + result.UY);
    }

    [Fact]
    public void Test_CompletelySeparatedFourAgainstFour_HasTheSmallestExactPValue()
    {
        var result = MannWhitneyU.Test([5.0, 6, 7, 8], [1.0, 2, 3, 4]);

        Assert.Equal(16, result.UX);
        Assert.Equal(0, result.UY);
        Assert.Equal(2.0 / 70, result.PValue, 15);
    }

    [Fact]
    public void Test_TiesAcrossSamples_UsesTheNormalApproximationWithTieAndContinuityCorrection()
    {
        // reference_values.py "ties": U = 8.5, z = −2.023210663587198, p = 0.04305143272894518.
        var result = MannWhitneyU.Test([1.0, 2, 2, 3, 3, 3, 4], [2.0, 3, 4, 4, 5, 5, 6]);

        Assert.True(result.HasTies);
        Assert.Equal(NullDistribution.NormalApproximation, result.Method);
        Assert.Equal(8.5, result.UX);
        Assert.Equal(-2.023210663587198, result.Z, 12);
        Assert.Equal(0.04305143272894518, result.PValue, 12);
    }

    [Fact]
    public void Test_SamplesOfFiftyOrMore_UseTheNormalApproximation()
    {
        // reference_values.py "shift-60": 1..60 against 11..70, z = 2.8843774347867264.
        var baseline = Enumerable.Range(1, 60).Select(value => (double)value).ToArray();
        var canary = baseline.Select(value => value + 10).ToArray();

        var result = MannWhitneyU.Test(canary, baseline);

        Assert.Equal(NullDistribution.NormalApproximation, result.Method);
        Assert.Equal(2350, result.UX);
        Assert.Equal(2.8843774347867264, result.Z, 12);
        Assert.Equal(0.0039218839047846475, result.PValue, 12);
    }

    [Fact]
    public void Test_IdenticalSamples_HaveZAndPValueOfOne()
    {
        double[] values = [3.0, 1, 4, 1, 5, 9, 2, 6];

        var result = MannWhitneyU.Test(values, values);

        Assert.Equal(0, result.Z);
        Assert.Equal(1.0, result.PValue);
    }

    [Fact]
    public void Test_EveryValueTheSame_HasPValueOneInsteadOfDividingByZero()
    {
        var result = MannWhitneyU.Test([2.0, 2, 2], [2.0, 2, 2, 2]);

        Assert.Equal(6, result.UX);
        Assert.Equal(0, result.Z);
        Assert.Equal(1.0, result.PValue);
    }

    [Fact]
    public void Test_NaNAndInfinity_AreMissingIntervalsNotObservations()
    {
        var withGaps = MannWhitneyU.Test([.. AtTerm, double.NaN, double.PositiveInfinity], [double.NaN, .. Early, double.NegativeInfinity]);
        var clean = MannWhitneyU.Test(AtTerm, Early);

        Assert.Equal(clean, withGaps);
        Assert.Equal(10, withGaps.XCount);
        Assert.Equal(5, withGaps.YCount);
    }

    [Fact]
    public void Test_SampleWithoutFiniteValues_Throws()
    {
        Assert.Throws<ArgumentException>(() => MannWhitneyU.Test([double.NaN], [1.0, 2]));
        Assert.Throws<ArgumentException>(() => MannWhitneyU.Test([1.0], []));
    }
}
