using Dashboard.Web.Features.Demo;

namespace Dashboard.Integration.Tests.Demo;

public sealed class DemoTrafficSplitTests
{
    [Fact]
    public void SetCanaryWeight_NewValue_ChangesItAndRaisesChanged()
    {
        var split = new DemoTrafficSplit(1);
        var raised = 0;
        split.Changed += () => raised++;

        split.SetCanaryWeight(10);
        split.SetCanaryWeight(10);

        Assert.Equal(10, split.CanaryWeightPercent);
        Assert.Equal(1, raised);
    }

    [Theory]
    [InlineData(-0.5)]
    [InlineData(100.5)]
    [InlineData(double.NaN)]
    public void SetCanaryWeight_OutsidePercentRange_ThrowsAndKeepsTheWeight(double percent)
    {
        var split = new DemoTrafficSplit(5);

        Assert.Throws<ArgumentOutOfRangeException>(() => split.SetCanaryWeight(percent));
        Assert.Equal(5, split.CanaryWeightPercent);
    }
}
