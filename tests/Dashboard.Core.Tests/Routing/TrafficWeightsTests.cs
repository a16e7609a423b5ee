using Dashboard.Core.Routing;

namespace Dashboard.Core.Tests.Routing;

public sealed class TrafficWeightsTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(100)]
    public void ForCanaryPercent_Percent_GivesCanaryNAndBaselineTheRest(int percent)
    {
        var weights = TrafficWeights.ForCanaryPercent(percent);

        Assert.Equal((percent, 100 - percent), (weights.CanaryWeight, weights.BaselineWeight));
        Assert.Equal(percent, weights.CanaryPercent);
        Assert.Equal(100 - percent, weights.BaselinePercent);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void ForCanaryPercent_OutsideZeroToHundred_Throws(int percent) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => TrafficWeights.ForCanaryPercent(percent));

    [Theory]
    [InlineData(10, 90, 10, true)]
    [InlineData(20, 180, 10, true)]
    [InlineData(1, 2, 33, false)]
    [InlineData(11, 89, 10, false)]
    [InlineData(0, 0, 0, false)]
    [InlineData(0, 50, 0, true)]
    [InlineData(7, 0, 100, true)]
    public void IsExactly_ComparesTheShareWithoutRounding(int canary, int baseline, int percent, bool expected) =>
        Assert.Equal(expected, new TrafficWeights(canary, baseline).IsExactly(percent));

    [Fact]
    public void CanaryPercent_BothWeightsZero_IsZeroAndCarriesNoTraffic()
    {
        var weights = new TrafficWeights(0, 0);

        Assert.False(weights.CarriesTraffic);
        Assert.Equal(0, weights.CanaryPercent);
    }

    [Fact]
    public void Constructor_NegativeWeight_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new TrafficWeights(-1, 100));

    [Fact]
    public void ToString_ShowsSharesAndRawWeights() =>
        Assert.Equal("canary 25 % / baseline 75 % (weights 40/120)", new TrafficWeights(40, 120).ToString());
}
