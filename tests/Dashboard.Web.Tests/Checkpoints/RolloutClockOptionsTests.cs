using Dashboard.Web.Features.Rollouts;

namespace Dashboard.Web.Tests.Checkpoints;

public sealed class RolloutClockOptionsTests
{
    private static readonly DateTimeOffset Due = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void EvaluateAt_IsTheDueTimePlusTheSettleDelay_UnscaledByTheTimeScale()
    {
        var clock = new RolloutClockOptions { TimeScale = 60, CheckpointSettleDelay = TimeSpan.FromSeconds(10) };

        Assert.Equal(Due.AddSeconds(10), clock.EvaluateAt(Due));
    }

    [Theory]
    [InlineData(14, null)] // within the settle delay and the 5 s grace: on time
    [InlineData(15, 5)]
    [InlineData(70, 60)]
    public void LateBy_CountsFromTheEndOfTheSettleDelay(int evaluatedAfterDueSeconds, int? expectedLateSeconds)
    {
        var clock = new RolloutClockOptions { CheckpointSettleDelay = TimeSpan.FromSeconds(10) };

        Assert.Equal(expectedLateSeconds is { } s ? TimeSpan.FromSeconds(s) : null, clock.LateBy(Due, Due.AddSeconds(evaluatedAfterDueSeconds)));
    }

    [Theory]
    [InlineData(1, 0, true)]
    [InlineData(0.5, 0, false)]
    [InlineData(1, -1, false)]
    [InlineData(1, 301, false)]
    public void Validator_ChecksTimeScaleAndSettleDelay(double timeScale, int settleSeconds, bool valid)
    {
        var result = new RolloutClockOptionsValidator().Validate(null, new RolloutClockOptions { TimeScale = timeScale, CheckpointSettleDelay = TimeSpan.FromSeconds(settleSeconds) });

        Assert.Equal(valid, result.Succeeded);
    }
}
