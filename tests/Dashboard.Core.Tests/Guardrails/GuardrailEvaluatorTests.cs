using Dashboard.Core.Guardrails;
using Dashboard.Core.Guardrails.Sequential;
using Dashboard.Core.Plans;
using Dashboard.Core.Tests.Guardrails.Sequential;

namespace Dashboard.Core.Tests.Guardrails;

public sealed class GuardrailEvaluatorTests
{
    [Fact]
    public void Observe_ErrorRateAboveTrigger_IsBreachedWithTheValue()
    {
        var observations = GuardrailEvaluator.Observe(GuardrailPolls.Canary, GuardrailPolls.Values((MetricKeys.ErrorRatePct, 3.2)));

        var error = Assert.Single(observations, o => o.Rule.Describe() == "Error rate > 1.5 %");
        Assert.Equal(GuardrailReading.Breached, error.Reading);
        Assert.Equal(3.2, error.Values[MetricKeys.ErrorRatePct]);
        Assert.All(observations.Where(o => o != error), o => Assert.Equal(GuardrailReading.Clean, o.Reading));
    }

    [Fact]
    public void Observe_MissingValue_IsNoDataNeverClean()
    {
        var observations = GuardrailEvaluator.Observe(GuardrailPolls.Canary, GuardrailPolls.Values((MetricKeys.AvailabilityPct, null)));

        Assert.Equal(GuardrailReading.NoData, Assert.Single(observations, o => o.Rule.When[0].Metric == MetricKeys.AvailabilityPct).Reading);
    }

    [Fact]
    public void Observe_NaNValue_IsNoData()
    {
        var observations = GuardrailEvaluator.Observe(GuardrailPolls.Canary, GuardrailPolls.Values((MetricKeys.P99Ms, double.NaN)));

        Assert.Equal(GuardrailReading.NoData, Assert.Single(observations, o => o.Rule.When[0].Metric == MetricKeys.P99Ms).Reading);
    }

    [Fact]
    public void Observe_ContingencyRules_OnlyTheFirstMatchIsBreached()
    {
        // 0.7 % matches "> 0.5 → reduce to 50 %" and also the later "≥ 0.08 → log".
        var observations = GuardrailEvaluator.Observe(GuardrailPolls.Rollout, GuardrailPolls.Values((MetricKeys.ErrorRatePct, 0.7)));

        var contingencies = observations.Where(o => o.Rule.Kind == GuardrailKind.Contingency).ToList();
        Assert.Equal([GuardrailReading.Breached, GuardrailReading.Clean, GuardrailReading.Clean], contingencies.Select(o => o.Reading));
        Assert.Equal(ContingencyActionKind.ReduceTraffic, contingencies[0].Rule.Then!.Kind);
    }

    [Fact]
    public void Observe_ErrorRateInTheMonitorBand_BreachesTheBandRule()
    {
        var observations = GuardrailEvaluator.Observe(GuardrailPolls.Rollout, GuardrailPolls.Values((MetricKeys.ErrorRatePct, 0.3)));

        var breached = Assert.Single(observations, o => o.Reading == GuardrailReading.Breached);
        Assert.Equal(ContingencyActionKind.MonitorClosely, breached.Rule.Then!.Kind);
    }

    [Fact]
    public void Of_Phase_ListsTriggersThenContingencyRulesWithStableIds()
    {
        var rules = GuardrailRule.Of(GuardrailPolls.Rollout);

        Assert.Equal(["trigger:0", "trigger:1", "trigger:2", "trigger:3", "contingency:0", "contingency:1", "contingency:2"], rules.Select(r => r.Id));
    }
    [Fact]
    public void Observe_NoBaselineRuns_RevenueImpactIsNotApplicableAndTheOthersAreJudged()
    {
        var observations = GuardrailEvaluator.Observe(GuardrailPolls.Rollout, GuardrailPolls.Values((MetricKeys.RevenueImpactPct, null)), baselineRuns: false);

        var revenue = observations.Single(o => o.Rule.Kind == GuardrailKind.RollbackTrigger && o.Rule.When[0].Metric == MetricKeys.RevenueImpactPct);
        Assert.Equal(GuardrailReading.NotApplicable, revenue.Reading);
        Assert.All(observations.Where(o => o.Rule.Kind == GuardrailKind.RollbackTrigger && o != revenue), o => Assert.Equal(GuardrailReading.Clean, o.Reading));
    }

    [Fact]
    public void Observe_BaselineRunsButRevenueImpactMissing_IsNoData() =>
        Assert.Equal(
            GuardrailReading.NoData,
            GuardrailEvaluator.Observe(GuardrailPolls.Rollout, GuardrailPolls.Values((MetricKeys.RevenueImpactPct, null)))
                .Single(o => o.Rule.Kind == GuardrailKind.RollbackTrigger && o.Rule.When[0].Metric == MetricKeys.RevenueImpactPct).Reading);

    [Fact]
    public void Observe_CountRuleProvenRegressing_IsBreachedOnTheEvidenceWhateverTheValueAndNeedsOnePoll()
    {
        // 10 % errors beside a 0.3 % baseline: proven within a few cells; the window's value says 0.05 %.
        var evidence = GuardrailPolls.Evidence(20, CountTotals.Of(1_000, 100), CountTotals.Of(10_000, 30));

        var observations = GuardrailEvaluator.Observe(GuardrailPolls.Canary, GuardrailPolls.Values(), evidence: evidence);

        var error = Assert.Single(observations, o => o.Rule.Describe() == "Error rate > 1.5 %");
        Assert.Equal(GuardrailReading.Breached, error.Reading);
        Assert.Equal(1, error.RequiredPolls(3));
        Assert.Equal(SequentialState.Regressing, Assert.Single(error.Evidence!).State);
        var revenue = Assert.Single(observations, o => o.Rule.When[0].Metric == MetricKeys.RevenueImpactPct);
        Assert.Null(revenue.Evidence);
        Assert.Equal(3, revenue.RequiredPolls(3));
    }

    [Fact]
    public void Observe_CountRuleProvenHealthy_IsCleanWhateverTheValue()
    {
        var evidence = GuardrailPolls.Evidence(200, CountTotals.Of(500, 1), CountTotals.Of(5_000, 10));

        var observations = GuardrailEvaluator.Observe(GuardrailPolls.Canary, GuardrailPolls.Values((MetricKeys.ErrorRatePct, 3.2)), evidence: evidence);

        Assert.Equal(GuardrailReading.Clean, Assert.Single(observations, o => o.Rule.Describe() == "Error rate > 1.5 %").Reading);
    }

    [Fact]
    public void Observe_CountRuleWithLittleEvidence_ReadsNotEnoughEvidenceNeverClean()
    {
        var evidence = GuardrailPolls.Evidence(1, CountTotals.Of(20, 0), CountTotals.Of(2_000, 6));

        var observations = GuardrailEvaluator.Observe(GuardrailPolls.Canary, GuardrailPolls.Values(), evidence: evidence);

        Assert.Equal(GuardrailReading.NotEnoughEvidence, Assert.Single(observations, o => o.Rule.Describe() == "Error rate > 1.5 %").Reading);
    }

    [Fact]
    public void Observe_CountRuleBeforeItsFirstCell_ReadsNotEnoughEvidenceAndNoValueIsJudged()
    {
        var observations = GuardrailEvaluator.Observe(GuardrailPolls.Canary, GuardrailPolls.Values((MetricKeys.ErrorRatePct, 3.2)), evidence: []);

        var error = Assert.Single(observations, o => o.Rule.Describe() == "Error rate > 1.5 %");
        Assert.Equal(GuardrailReading.NotEnoughEvidence, error.Reading);
        Assert.Equal(GuardrailReading.Clean, Assert.Single(observations, o => o.Rule.When[0].Metric == MetricKeys.RevenueImpactPct).Reading);
    }

    [Fact]
    public void Observe_CanaryCountsAllMissing_IsNoDataNotGathering()
    {
        var evidence = GuardrailPolls.Evidence(20, null, CountTotals.Of(10_000, 30));

        var observations = GuardrailEvaluator.Observe(GuardrailPolls.Canary, GuardrailPolls.Values(), evidence: evidence);

        Assert.Equal(GuardrailReading.NoData, Assert.Single(observations, o => o.Rule.Describe() == "Error rate > 1.5 %").Reading);
    }

    [Fact]
    public void Observe_ValuesTooThin_ValueRulesReadNotEnoughEvidenceEvenWhenBreached()
    {
        var observations = GuardrailEvaluator.Observe(
            GuardrailPolls.Canary, GuardrailPolls.Values((MetricKeys.RevenueImpactPct, -40)), evidence: [], valuesTooThin: true);

        Assert.Equal(GuardrailReading.NotEnoughEvidence, Assert.Single(observations, o => o.Rule.When[0].Metric == MetricKeys.RevenueImpactPct).Reading);
    }
}
