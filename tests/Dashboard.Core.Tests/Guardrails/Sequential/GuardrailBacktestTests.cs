using Dashboard.Core.Guardrails.Sequential;
using Dashboard.Core.Guardrails.Sequential.Backtest;

namespace Dashboard.Core.Tests.Guardrails.Sequential;

/// <summary>
/// The targets of issue 14 on fewer, seeded runs than the bench (<c>bench … backtest</c>, whose table is in
/// docs/guardrails.md): the same seeds give the same canaries, so these are deterministic, not flaky.
/// </summary>
public sealed class GuardrailBacktestTests
{
    private static readonly SequentialSettings Settings = new();

    [Fact]
    public void Run_TenfoldErrorsAtFiveRequestsPerSecond_RollsBackWithin30SecondsMedian()
    {
        var result = GuardrailBacktest.Run(BacktestScenario.ErrorRate(10, 5), 15, 1, TimeSpan.FromMinutes(10), Settings);

        Assert.Equal(15, result.Sequential.RolledBack);
        Assert.True(result.Sequential.Median <= TimeSpan.FromSeconds(30), $"median {result.Sequential.Median}");
        // The old rule on the same canaries: its 500-request window and 3 polls take about two minutes.
        Assert.True(result.OldRule.Median > TimeSpan.FromSeconds(60), $"old rule median {result.OldRule.Median}");
    }

    [Fact]
    public void Run_TwiceTheErrorsAtFiftyRequestsPerSecond_RollsBackWithin3MinutesMedian()
    {
        var result = GuardrailBacktest.Run(BacktestScenario.ErrorRate(2, 50), 15, 1, TimeSpan.FromMinutes(15), Settings);

        Assert.True(result.Sequential.Median <= TimeSpan.FromMinutes(3), $"median {result.Sequential.Median}");
    }

    [Fact]
    public void Run_HealthyTwoHourPhases_RollBackAtMostOnePercent()
    {
        var result = GuardrailBacktest.Run(BacktestScenario.Healthy(5), 10, 100_000, TimeSpan.FromHours(2), Settings);

        Assert.InRange(result.Sequential.RolledBack, 0, 0.01 * result.Sequential.Runs);
        Assert.Null(result.Sequential.Median);
    }

    [Fact]
    public void Of_SomeRunsNeverRolledBack_CountsThemAsSlowest()
    {
        TimeSpan? never = null;

        var summary = DetectionSummary.Of([TimeSpan.FromSeconds(10), never, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(20)]);

        Assert.Equal(3, summary.RolledBack);
        Assert.Equal(TimeSpan.FromSeconds(20), summary.Median);
        Assert.Null(summary.P95);
    }
}
