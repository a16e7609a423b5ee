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
    public void Compare_TenfoldErrorsAfterThreeHealthyMinutes_CountsFromTheOnsetAndTheOracleIsNoSlower()
    {
        var late = BacktestScenario.ErrorRate(10, 5).StartingAfter(TimeSpan.FromMinutes(3));

        var summaries = GuardrailBacktest.Compare(late, 10, 1, TimeSpan.FromMinutes(15), Settings, [BacktestDesign.Monitor, BacktestDesign.Oracle]);

        Assert.Equal("10× error rate from 3 min", late.Name);
        Assert.All(summaries, summary => Assert.Equal((10, 10, 0), (summary.Runs, summary.RolledBack, summary.BeforeOnset)));
        // Counted from the onset: a judge that waited for the 3 healthy minutes too would read more than 3 min.
        Assert.InRange(summaries[0].Median!.Value, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(2));
        Assert.True(summaries[1].Median <= summaries[0].Median, $"oracle {summaries[1].Median}, monitor {summaries[0].Median}");
    }

    [Fact]
    public void Compare_MonitorDesign_EqualsRunsSequentialSummaryOnTheSameSeeds()
    {
        var scenario = BacktestScenario.ErrorRate(5, 5);

        var compared = GuardrailBacktest.Compare(scenario, 5, 7, TimeSpan.FromMinutes(20), Settings, [BacktestDesign.Monitor]);

        Assert.Equal(GuardrailBacktest.Run(scenario, 5, 7, TimeSpan.FromMinutes(20), Settings).Sequential, Assert.Single(compared));
    }

    [Fact]
    public void Run_OnsetBetweenTwoPolls_IsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => GuardrailBacktest.Run(
            BacktestScenario.ErrorRate(10, 5).StartingAfter(TimeSpan.FromSeconds(62)), 1, 1, TimeSpan.FromMinutes(5), Settings));

    [Fact]
    public void Of_RollbacksAtOrBeforeTheOnset_AreCountedAsBeforeTheOnset()
    {
        var summary = DetectionSummary.Of([TimeSpan.FromSeconds(-30), TimeSpan.Zero, TimeSpan.FromSeconds(25), null]);

        Assert.Equal((3, 2), (summary.RolledBack, summary.BeforeOnset));
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
