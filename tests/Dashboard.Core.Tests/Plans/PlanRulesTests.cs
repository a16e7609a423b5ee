using Dashboard.Core.Evaluation;
using Dashboard.Core.Plans;

namespace Dashboard.Core.Tests.Plans;

public sealed class PlanRulesTests
{
    [Fact]
    public void MetricCondition_ValueSatisfyingComparison_IsMet()
    {
        var trigger = new MetricCondition(MetricKeys.ErrorRatePct, Comparator.GreaterThan, 1.5);

        Assert.True(trigger.IsMetBy(1.6));
        Assert.False(trigger.IsMetBy(1.5));
    }

    [Fact]
    public void MetricCondition_MissingData_IsNeverMet()
    {
        var trigger = new MetricCondition(MetricKeys.AvailabilityPct, Comparator.LessThan, 99);

        Assert.False(trigger.IsMetBy(null));
        Assert.False(trigger.IsMetBy(double.NaN));
    }

    [Fact]
    public void PassCriterion_WithoutFromCheckpoint_AppliesAtEveryCheckpoint()
    {
        var criterion = PassCriterion.Of(MetricKeys.P99Ms, Comparator.LessThan, 50, 5);

        Assert.True(criterion.AppliesAt(TimeSpan.FromMinutes(15)));
    }

    [Fact]
    public void PassCriterion_FromCheckpoint_AppliesFromThatCheckpointOn()
    {
        var criterion = PassCriterion.Of(MetricKeys.CacheEfficiencyPct, Comparator.GreaterThan, 75, 5, TimeSpan.FromHours(2));

        Assert.False(criterion.AppliesAt(TimeSpan.FromHours(1)));
        Assert.True(criterion.AppliesAt(TimeSpan.FromHours(2)));
        Assert.True(criterion.AppliesAt(TimeSpan.FromHours(4)));
    }

    [Fact]
    public void CriteriaAt_RolloutPhaseBefore2h_LeavesOutMemoryAndCache()
    {
        var rollout = BuiltInPlans.ThreePhase.Phases[2];

        var early = rollout.CriteriaAt(TimeSpan.FromHours(1)).Select(criterion => criterion.Metric).ToList();
        var late = rollout.CriteriaAt(TimeSpan.FromHours(2)).Select(criterion => criterion.Metric).ToList();

        Assert.DoesNotContain(MetricKeys.MemoryGrowthMbPerHour, early);
        Assert.DoesNotContain(MetricKeys.CacheEfficiencyPct, early);
        Assert.Contains(MetricKeys.MemoryGrowthMbPerHour, late);
        Assert.Contains(MetricKeys.CacheEfficiencyPct, late);
    }

    [Fact]
    public void NextCheckpointAfter_BetweenCheckpoints_IsTheNextOne()
    {
        var canary = BuiltInPlans.ThreePhase.Phases[0];

        Assert.Equal(TimeSpan.FromMinutes(30), canary.NextCheckpointAfter(TimeSpan.FromMinutes(20)));
        Assert.Equal(TimeSpan.FromMinutes(30), canary.NextCheckpointAfter(TimeSpan.FromMinutes(15)));
        Assert.Null(canary.NextCheckpointAfter(TimeSpan.FromHours(2)));
    }

    [Theory]
    [InlineData(0.6, ContingencyActionKind.ReduceTraffic)]
    [InlineData(0.5, ContingencyActionKind.MonitorClosely)]
    [InlineData(0.2, ContingencyActionKind.MonitorClosely)]
    [InlineData(0.09, ContingencyActionKind.Log)]
    public void RolloutContingency_FirstMatchingRule_DecidesTheAction(double errorRatePct, ContingencyActionKind expected)
    {
        var rules = BuiltInPlans.ThreePhase.Phases[2].ContingencyRules;

        var match = rules.First(rule => rule.Matches(metric => metric == MetricKeys.ErrorRatePct ? errorRatePct : null));

        Assert.Equal(expected, match.Then.Kind);
    }

    [Fact]
    public void RolloutContingency_HealthyErrorRate_MatchesNoRule()
    {
        var rules = BuiltInPlans.ThreePhase.Phases[2].ContingencyRules;

        Assert.DoesNotContain(rules, rule => rule.Matches(_ => 0.01));
    }

    [Fact]
    public void ContingencyRule_MissingData_DoesNotMatch()
    {
        var rules = BuiltInPlans.ThreePhase.Phases[2].ContingencyRules;

        Assert.DoesNotContain(rules, rule => rule.Matches(_ => null));
    }
}
