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

    [Theory]
    [InlineData(9, 3600, 48)]
    [InlineData(3601, 3600, 48)]
    public void Validate_TopUpIntervalOutOfRange_NamesTheKey(int intervalSeconds, int maxReadSeconds, int keepHours)
    {
        Assert.Contains("CheckpointEvaluation:TopUp:Interval", FailureOf(TopUp(intervalSeconds, maxReadSeconds, keepHours)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(59)] // less than one sample interval: no tick could store a whole one
    [InlineData(2 * 86_400 + 1)]
    public void Validate_TopUpMaxReadPerTickOutOfRange_NamesTheKey(int maxReadSeconds)
    {
        Assert.Contains("CheckpointEvaluation:TopUp:MaxReadPerTick", FailureOf(TopUp(60, maxReadSeconds, 48)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(365 * 24 + 1)]
    public void Validate_TopUpKeepEndedForOutOfRange_NamesTheKey(int keepHours)
    {
        Assert.Contains("CheckpointEvaluation:TopUp:KeepEndedFor", FailureOf(TopUp(60, 3600, keepHours)), StringComparison.Ordinal);
    }

    private static CheckpointEvaluatorOptions TopUp(int intervalSeconds, int maxReadSeconds, int keepHours) => new()
    {
        TopUp = new CheckpointSumTopUpOptions
        {
            Interval = TimeSpan.FromSeconds(intervalSeconds),
            MaxReadPerTick = TimeSpan.FromSeconds(maxReadSeconds),
            KeepEndedFor = TimeSpan.FromHours(keepHours),
        },
    };
}
