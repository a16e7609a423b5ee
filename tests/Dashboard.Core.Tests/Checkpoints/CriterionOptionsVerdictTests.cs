using Dashboard.Core.Checkpoints;
using Dashboard.Core.Evaluation;
using Dashboard.Core.Metrics;
using Dashboard.Core.Plans;

namespace Dashboard.Core.Tests.Checkpoints;

/// <summary>How mustHaveData, dryRun and onInconclusive change a criterion's verdict and the checkpoint's.</summary>
public sealed class CriterionOptionsVerdictTests
{
    private static readonly PassCriterion ErrorRate = PassCriterion.Of(MetricKeys.ErrorRatePct, Comparator.LessThan, 1, 0.2);
    private static readonly PassCriterion P99 = PassCriterion.Of(MetricKeys.P99Ms, Comparator.LessThan, 200, 20);

    private static CriterionEvaluation Judge(PassCriterion criterion, double? cumulative, string? noDataReason = null) =>
        CriterionEvaluation.Judge(criterion, MetricCatalog.Get(criterion.Metric).Unit, cumulative, cumulative, noDataReason, "SELECT 1", TimeSpan.FromMinutes(1), []);

    [Fact]
    public void Judge_NoDataWithDefaults_IsNoDataAsBefore()
    {
        var judged = Judge(ErrorRate, null, "No data in [12:00, 12:15) for the canary");

        Assert.Equal(Verdict.NoData, judged.Verdict);
        Assert.Equal("No data in [12:00, 12:15) for the canary", judged.NoDataReason);
        Assert.Null(judged.Note);
        Assert.False(judged.DryRun);
        Assert.EndsWith(", NO DATA without a value", judged.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_NoDataWithMustHaveData_FailsAndKeepsTheReason()
    {
        var judged = Judge(ErrorRate with { MustHaveData = true }, null, "InfluxDB query failed: connection refused");

        Assert.Equal(Verdict.Fail, judged.Verdict);
        Assert.Equal("InfluxDB query failed: connection refused", judged.NoDataReason);
        Assert.Equal("no data, and the criterion must have data", judged.Note);
        Assert.True(judged.MustHaveData);
        Assert.Contains("FAIL without a value", judged.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_NoDataWithOnInconclusiveFail_Fails()
    {
        var judged = Judge(ErrorRate with { OnInconclusive = InconclusiveAction.Fail }, null);

        Assert.Equal(Verdict.Fail, judged.Verdict);
        Assert.Equal(CriterionEvaluation.FailInconclusiveNote, judged.Note);
        Assert.Equal("No value for the window.", judged.NoDataReason);
        Assert.Equal(InconclusiveAction.Fail, judged.OnInconclusive);
    }

    [Theory]
    [InlineData(0.5, Verdict.Pass)]
    [InlineData(0.9, Verdict.Warn)]
    [InlineData(1.2, Verdict.Fail)]
    public void Judge_ValueWithEveryOption_IsThePlainRulesVerdict(double value, Verdict expected)
    {
        var judged = Judge(ErrorRate with { MustHaveData = true, OnInconclusive = InconclusiveAction.Fail }, value);

        Assert.Equal(expected, judged.Verdict);
        Assert.Null(judged.NoDataReason);
        Assert.Null(judged.Note);
    }

    [Fact]
    public void Judge_DryRun_IsEvaluatedAndSaysDryRun()
    {
        var judged = Judge(ErrorRate with { DryRun = true }, 1.2);

        Assert.Equal(Verdict.Fail, judged.Verdict);
        Assert.True(judged.DryRun);
        Assert.Equal("dry run: evaluated and shown, never gates", judged.Note);
        Assert.EndsWith("; dry run, never gates", judged.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_DryRunThatMustHaveData_SaysBoth()
    {
        var judged = Judge(ErrorRate with { DryRun = true, MustHaveData = true }, null);

        Assert.Equal(Verdict.Fail, judged.Verdict);
        Assert.Equal("dry run: evaluated and shown, never gates; no data, and the criterion must have data", judged.Note);
    }

    [Fact]
    public void Overall_DryRunFailsAndEverythingElsePasses_IsPass()
    {
        var criteria = new[] { Judge(ErrorRate with { DryRun = true }, 1.5), Judge(P99, 120) };

        Assert.Equal(Verdict.Pass, CheckpointVerdicts.Overall(criteria));
    }

    [Fact]
    public void Overall_GatingCriterionFailsBesideADryRunPass_IsFail()
    {
        var criteria = new[] { Judge(ErrorRate with { DryRun = true }, 0.1), Judge(P99, 250) };

        Assert.Equal(Verdict.Fail, CheckpointVerdicts.Overall(criteria));
    }

    [Fact]
    public void Overall_OnlyDryRuns_IsNoDataNeverAPass()
    {
        var criteria = new[] { Judge(ErrorRate with { DryRun = true }, 0.1), Judge(P99 with { DryRun = true }, 100) };

        Assert.Equal(Verdict.NoData, CheckpointVerdicts.Overall(criteria));
    }

    [Theory]
    [InlineData(false, InconclusiveAction.Pause, Verdict.NoData)]
    [InlineData(true, InconclusiveAction.Pause, Verdict.Fail)]
    [InlineData(false, InconclusiveAction.Fail, Verdict.Fail)]
    public void Overall_NoDataBesideAPass_PausesUnlessTheCriterionFailsIt(bool mustHaveData, InconclusiveAction onInconclusive, Verdict expected)
    {
        var criteria = new[] { Judge(ErrorRate with { MustHaveData = mustHaveData, OnInconclusive = onInconclusive }, null), Judge(P99, 120) };

        Assert.Equal(expected, CheckpointVerdicts.Overall(criteria));
    }

    [Fact]
    public void Suggest_DryRunFailure_LeavesTheDecisionAtContinue()
    {
        var phase = BuiltInPlans.ThreePhase.Phases[1];
        var overall = CheckpointVerdicts.Overall([Judge(ErrorRate with { DryRun = true }, 1.2), Judge(P99, 120)]);

        var suggestion = CheckpointDecisionRubric.Suggest(phase, overall, _ => null, _ => null);

        Assert.Equal(CheckpointDecision.Continue, suggestion.Decision);
    }
}
