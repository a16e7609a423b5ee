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
        { new CanaryJudgeOptions { Confidence = 1 }, "CheckpointEvaluation:Judge:Confidence" },
        { new CanaryJudgeOptions { Confidence = 0.4 }, "CheckpointEvaluation:Judge:Confidence" },
        { new CanaryJudgeOptions { ToleranceFraction = -0.1 }, "CheckpointEvaluation:Judge:ToleranceFraction" },
        { new CanaryJudgeOptions { MinimumRelativeEffect = double.NaN }, "CheckpointEvaluation:Judge:MinimumRelativeEffect" },
        { new CanaryJudgeOptions { MinimumSamples = 0 }, "CheckpointEvaluation:Judge:MinimumSamples" },
        { new CanaryJudgeOptions { PassScore = 101 }, "CheckpointEvaluation:Judge:PassScore" },
        { new CanaryJudgeOptions { MarginalScore = 96 }, "CheckpointEvaluation:Judge:MarginalScore" },
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

        Assert.Contains("CheckpointEvaluation:Judge:Confidence", error.Message, StringComparison.Ordinal);
        Assert.Contains("CheckpointEvaluation:Judge:PassScore", error.Message, StringComparison.Ordinal);
    }
}
