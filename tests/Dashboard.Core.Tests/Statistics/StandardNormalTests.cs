using Dashboard.Core.Statistics;

namespace Dashboard.Core.Tests.Statistics;

/// <summary>Expected values are Python 3.11's math.erfc (see reference_values.py).</summary>
public sealed class StandardNormalTests
{
    [Theory]
    [InlineData(0.1, 0.8875370839817152)]
    [InlineData(0.46875, 0.507386526782062)]
    [InlineData(0.5, 0.4795001221869535)]
    [InlineData(1.0, 0.15729920705028513)]
    [InlineData(2.0, 0.004677734981047265)]
    [InlineData(3.9, 3.479224859723177e-08)]
    [InlineData(4.0, 1.541725790028002e-08)]
    [InlineData(4.1, 6.700027654084918e-09)]
    [InlineData(6.0, 2.1519736712498916e-17)]
    [InlineData(10.0, 2.088487583762545e-45)]
    [InlineData(24.172, 4.1279709969021535e-256)]
    [InlineData(26.0, 5.663192408856143e-296)]
    public void Erfc_OnEveryIntervalOfCodysApproximation_MatchesReferenceToRelative1e14(double x, double expected)
    {
        AssertRelative(expected, StandardNormal.Erfc(x), 1e-14);
        AssertRelative(2 - expected, StandardNormal.Erfc(-x), 1e-14);
    }

    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(0.5, 0.3085375387259869)]
    [InlineData(1.0, 0.15865525393145707)]
    [InlineData(3.0, 0.0013498980316300957)]
    [InlineData(5.0, 2.866515718791946e-07)]
    [InlineData(8.0, 6.220960574271819e-16)]
    [InlineData(20.0, 2.7536241186063314e-89)]
    [InlineData(37.0, 5.725571222525139e-300)]
    public void UpperTail_FarIntoTheTail_KeepsItsRelativePrecision(double z, double expected)
    {
        AssertRelative(expected, StandardNormal.UpperTail(z), 1e-13);
        AssertRelative(expected, StandardNormal.Cdf(-z), 1e-13);
    }

    [Fact]
    public void TwoSidedPValue_OfTheFamous1point96_IsFivePercent()
    {
        Assert.Equal(0.05, StandardNormal.TwoSidedPValue(1.959963984540054), 12);
        Assert.Equal(0.05, StandardNormal.TwoSidedPValue(-1.959963984540054), 12);
        Assert.Equal(1.0, StandardNormal.TwoSidedPValue(0));
    }

    [Theory]
    [InlineData(0.975, 1.9599639845400536)]
    [InlineData(0.99, 2.3263478740408408)]
    [InlineData(0.5, 0.0)]
    [InlineData(0.01, -2.3263478740408408)]
    public void Quantile_InvertsTheCdf_AsPythonsNormalDist(double probability, double expected)
    {
        Assert.Equal(expected, StandardNormal.Quantile(probability), 12);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void Quantile_OfAProbabilityOutsideZeroToOne_Throws(double probability)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StandardNormal.Quantile(probability));
    }

    private static void AssertRelative(double expected, double actual, double tolerance) =>
        Assert.True(Math.Abs(actual - expected) <= tolerance * Math.Abs(expected), $"expected {expected:R}, got {actual:R}");
}
