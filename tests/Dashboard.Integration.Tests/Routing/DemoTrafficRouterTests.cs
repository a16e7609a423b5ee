using Dashboard.Core.Routing;
using Dashboard.Web.Features.Demo;

namespace Dashboard.Integration.Tests.Routing;

public sealed class DemoTrafficRouterTests
{
    [Fact]
    public async Task ApplyAsync_Percent_SetsTheDemoSplitAndReadsItBack()
    {
        var split = new DemoTrafficSplit(1);
        var router = new DemoTrafficRouter(split);

        var readBack = await router.ApplyAsync(25);

        Assert.Equal(25, split.CanaryWeightPercent);
        Assert.Equal(new TrafficWeights(2_500, 7_500), readBack);
        Assert.True(readBack.IsExactly(25));
    }

    [Fact]
    public async Task ReadAsync_FractionalStartingSplit_ReportsItInBasisPoints()
    {
        var router = new DemoTrafficRouter(new DemoTrafficSplit(1.5));

        var weights = await router.ReadAsync();

        Assert.Equal(new TrafficWeights(150, 9_850), weights);
        Assert.Equal(1.5, weights.CanaryPercent, precision: 9);
        Assert.False(weights.IsExactly(1));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public async Task ApplyAsync_OutsideZeroToHundred_ThrowsAndKeepsTheSplit(int percent)
    {
        var split = new DemoTrafficSplit(5);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => new DemoTrafficRouter(split).ApplyAsync(percent));

        Assert.Equal(5, split.CanaryWeightPercent);
    }
}
