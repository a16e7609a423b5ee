using Dashboard.Core.Statistics;

namespace Dashboard.Core.Tests.Statistics;

public sealed class UDistributionTests
{
    [Fact]
    public void Cdf_OfTheSmallestU_IsOneOverTheNumberOfOrderings()
    {
        // Only one of the C(8, 4) = 70 orderings puts all of x below all of y.
        Assert.Equal(1.0 / 70, UDistribution.For(4, 4).Cdf(0), 15);
        Assert.Equal(1.0 / 20, UDistribution.For(3, 3).Cdf(0), 15);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 7)]
    [InlineData(10, 5)]
    [InlineData(49, 49)]
    public void Probabilities_SumToOneAndAreSymmetricAroundHalfOfMn(int m, int n)
    {
        var distribution = UDistribution.For(m, n);
        var total = 0.0;
        for (var u = 0; u <= m * n; u++)
        {
            total += distribution.Probability(u);
            Assert.Equal(distribution.Probability(u), distribution.Probability((m * n) - u), 12);
        }

        Assert.Equal(1.0, total, 12);
        Assert.Equal(distribution.Cdf(7), distribution.UpperTail((m * n) - 7), 15);
    }

    [Fact]
    public void Cdf_FromSizesOneAndTwo_IsUniformOverThreeValues()
    {
        // Orderings of {x} among two y values: x lowest, middle or highest → U = 0, 1, 2.
        var distribution = UDistribution.For(1, 2);
        Assert.Equal(1.0 / 3, distribution.Cdf(0), 15);
        Assert.Equal(2.0 / 3, distribution.Cdf(1), 15);
        Assert.Equal(1.0, distribution.Cdf(2), 15);
    }

    [Theory]
    [InlineData(0.01, 7)]
    [InlineData(0.025, 9)]
    public void Quantile_IsTheSmallestUWhoseCdfReachesTheProbability_AsRsQwilcox(double probability, int expected)
    {
        // Expected: quantile_u(10, 5, p) in reference_values.py, counting with integers.
        var distribution = UDistribution.For(10, 5);
        Assert.Equal(expected, distribution.Quantile(probability));
        Assert.True(distribution.Cdf(expected - 1) < probability);
    }

    [Fact]
    public void For_SamplesLargerThanTheExactLimit_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => UDistribution.For(50, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => UDistribution.For(3, 0));
    }
}
