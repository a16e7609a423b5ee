using Dashboard.Core.Guardrails.Sequential;
using Dashboard.Core.Metrics;
using Dashboard.Core.Plans;

namespace Dashboard.Core.Tests.Guardrails.Sequential;

public sealed class SequentialJudgeTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    [Fact]
    public void Observe_BuiltInTriggers_JudgesTheCountRatiosAndListsTheRest()
    {
        var judge = new SequentialJudge(new SequentialSettings(), BuiltInPlans.RollbackTriggers);

        var judgement = judge.Judge();

        Assert.Equal([MetricKeys.ErrorRatePct, MetricKeys.P99Ms, MetricKeys.AvailabilityPct], judgement.Rules.Select(rule => rule.Rule.Condition.Metric));
        Assert.Equal(MetricKeys.RevenueImpactPct, Assert.Single(judgement.Unjudged).Metric);
        Assert.All(judgement.Rules, rule => Assert.Equal(SequentialState.NotEnoughEvidence, rule.State));
    }

    [Fact]
    public void Observe_MissingAndTornCanaryData_IsNeverHealthy()
    {
        var judge = new SequentialJudge(new SequentialSettings(), BuiltInPlans.RollbackTriggers);
        SequentialJudgement judgement = judge.Judge();
        for (var i = 0; i < 500; i++)
        {
            var canary = i % 2 == 0 ? null : Cohort(400, 1, torn: true) with { ProbesOk = null, ProbesTotal = null };
            judgement = judge.Observe(Interval, canary, Cohort(10_000, 30));
        }

        Assert.All(judgement.Rules, rule => Assert.Equal(SequentialState.NotEnoughEvidence, rule.State));
        var errors = judgement.Rules[0];
        Assert.Equal(250, errors.Comparative!.Ignored[DataFlaw.NoCanaryData]);
        Assert.Equal(250, errors.Comparative.Ignored[DataFlaw.TornPoints]);
        Assert.Equal(0, errors.BreachSide!.Trials);
    }

    [Fact]
    public void Observe_HealthyCanaryBesideItsBaseline_BecomesHealthy()
    {
        var judge = new SequentialJudge(new SequentialSettings(), BuiltInPlans.RollbackTriggers);
        SequentialJudgement judgement = judge.Judge();
        for (var i = 0; i < 200; i++)
        {
            judgement = judge.Observe(Interval, Cohort(500, 1), Cohort(5_000, 10));
        }

        Assert.All(judgement.Rules, rule => Assert.Equal(SequentialState.Healthy, rule.State));
        Assert.Equal(SequentialState.Healthy, judgement.Rules[0].Comparative!.State);
        Assert.False(judgement.AnyRegressing);
    }

    [Fact]
    public void Observe_BothCohortsOverTheLimit_RegressesOnTheAbsoluteLimitAlone()
    {
        var judge = new SequentialJudge(new SequentialSettings(), [BuiltInPlans.RollbackTriggers[0]]);
        SequentialJudgement judgement = judge.Judge();
        for (var i = 0; i < 20; i++)
        {
            judgement = judge.Observe(Interval, Cohort(500, 25), Cohort(5_000, 250));
        }

        var errors = Assert.Single(judgement.Rules);
        Assert.Equal(SequentialState.Regressing, errors.State);
        Assert.True(errors.BreachSide!.ProvenAboveLimit);
        Assert.NotEqual(SequentialState.Regressing, errors.Comparative!.State);
    }

    [Fact]
    public void Observe_NoBaselineAtAll_IsHealthyOnTheLimitWhileTheComparisonStaysOpen()
    {
        // At 100 % there is no baseline to compare with: the comparison cannot conclude and says why.
        var judge = new SequentialJudge(new SequentialSettings(), [BuiltInPlans.RollbackTriggers[0]]);
        SequentialJudgement judgement = judge.Judge();
        for (var i = 0; i < 200; i++)
        {
            judgement = judge.Observe(Interval, Cohort(5_000, 1), null);
        }

        var errors = Assert.Single(judgement.Rules);
        Assert.True(errors.HealthSide!.ProvenBelowLimit);
        Assert.Equal(SequentialState.Healthy, errors.State);
        Assert.Equal(SequentialState.NotEnoughEvidence, errors.Comparative!.State);
        Assert.Equal(200, errors.Comparative!.Ignored[DataFlaw.NoBaselineData]);
    }

    [Theory]
    [InlineData(0.0, 0.0, 2.0, 50L)]
    [InlineData(0.5, 0.0, 2.0, 50L)]
    [InlineData(0.01, -0.1, 2.0, 50L)]
    [InlineData(0.01, 0.5, 1.5, 50L)]
    [InlineData(0.01, 0.0, 1000.0, 50L)]
    [InlineData(0.01, 0.0, 2.0, -1L)]
    public void Validate_OutOfRange_IsRefused(double alpha, double tolerance, double detectableRatio, long floor) =>
        Assert.NotEmpty(new SequentialSettings { Alpha = alpha, Tolerance = tolerance, DetectableRatio = detectableRatio, MinimumCanaryTrials = floor }.Validate());

    [Fact]
    public void Validate_Defaults_AreValid()
    {
        var settings = new SequentialSettings();

        Assert.Empty(settings.Validate());
        Assert.Equal(0.01, settings.Alpha);
    }

    // Requests with errors as given, none over 250 ms, 90 good probes (CountTotals).
    private static WindowTotals Cohort(long requests, long errors, bool torn = false) => CountTotals.Of(requests, errors, torn);
}
