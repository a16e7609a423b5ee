using Dashboard.Infrastructure.Checkpoints;

namespace Dashboard.Integration.Tests.Checkpoints;

public sealed class CheckpointEvaluatorOptionsValidatorTests
{
    private static string? FailureOf(CheckpointEvaluatorOptions options) =>
        new CheckpointEvaluatorOptionsValidator().Validate(null, options).FailureMessage;

    [Fact]
    public void Validate_Defaults_Succeed()
    {
        Assert.Null(FailureOf(new CheckpointEvaluatorOptions()));
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(1.5)]
    [InlineData(7200)]
    public void Validate_SampleIntervalNotWholeSecondsUpToAnHour_NamesTheKey(double seconds)
    {
        Assert.Contains("CheckpointEvaluation:SampleInterval", FailureOf(new() { SampleInterval = TimeSpan.FromSeconds(seconds) }), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(9)]
    [InlineData(10_001)]
    public void Validate_MaxSamplesOutOfRange_NamesTheKey(int maxSamples)
    {
        Assert.Contains("CheckpointEvaluation:MaxSamples", FailureOf(new() { MaxSamples = maxSamples }), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(9)]
    [InlineData(86_401)]
    public void Validate_ReuseAfterOutOfRange_NamesTheKey(int seconds)
    {
        Assert.Contains("CheckpointEvaluation:ReuseAfter", FailureOf(new() { ReuseAfter = TimeSpan.FromSeconds(seconds) }), StringComparison.Ordinal);
    }
}
