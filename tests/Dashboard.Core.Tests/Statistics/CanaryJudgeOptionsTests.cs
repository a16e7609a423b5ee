using Dashboard.Core.Statistics;

namespace Dashboard.Core.Tests.Statistics;

public sealed class CanaryJudgeOptionsTests
{
    [Fact]
    public void Defaults_AreKayentasPublishedDefaultsAndValid()
    {
        var options = new CanaryJudgeOptions();

        Assert.Equal(0.98, options.Confidence);
        Assert.Equal(0.25, options.ToleranceFraction);
        Assert.Equal(95, options.PassScore);
        Assert.Equal(75, options.MarginalScore);
        Assert.Equal(3, options.MinimumSamples);
        Assert.Equal(0, options.MinimumRelativeEffect);
        Assert.Empty(options.Validate());
    }

    public static TheoryData<CanaryJudgeOptions, string> InvalidOptions => new()
    {
        { new CanaryJudgeOptions { Confidence = 1 }, "CanaryJudge:Confidence" },
        { new CanaryJudgeOptions { Confidence = 0.4 }, "CanaryJudge:Confidence" },
        { new CanaryJudgeOptions { ToleranceFraction = -0.1 }, "CanaryJudge:ToleranceFraction" },
        { new CanaryJudgeOptions { MinimumRelativeEffect = double.NaN }, "CanaryJudge:MinimumRelativeEffect" },
        { new CanaryJudgeOptions { MinimumSamples = 0 }, "CanaryJudge:MinimumSamples" },
        { new CanaryJudgeOptions { PassScore = 101 }, "CanaryJudge:PassScore" },
        { new CanaryJudgeOptions { MarginalScore = 96 }, "CanaryJudge:MarginalScore" },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Validate_OutOfRangeSetting_NamesItsConfigurationKey(CanaryJudgeOptions options, string key)
    {
        var problem = Assert.Single(options.Validate());

        Assert.StartsWith(key + " must be", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_WithInvalidOptions_RefusesToStart()
    {
        var error = Assert.Throws<ArgumentException>(() => new CanaryJudge(new CanaryJudgeOptions { Confidence = 2, PassScore = -1 }));

        Assert.Contains("CanaryJudge:Confidence", error.Message, StringComparison.Ordinal);
        Assert.Contains("CanaryJudge:PassScore", error.Message, StringComparison.Ordinal);
    }
}
