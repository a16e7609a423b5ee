using Dashboard.Core.Evaluation;
using Dashboard.Core.Guardrails;
using Dashboard.Core.Metrics;
using Dashboard.Core.Plans;
using Dashboard.Core.Rollouts;
using Dashboard.Core.Tests.Guardrails.Sequential;

namespace Dashboard.Core.Tests.Guardrails;

public sealed class GuardrailJudgeTests
{
    private static readonly Func<string, double?> Good = GuardrailPolls.Values();

    private static Func<string, double?> Error(double? pct) => GuardrailPolls.Values((MetricKeys.ErrorRatePct, pct));

    [Fact]
    public void Decide_TriggerSustainedForRequiredPolls_RollsBackNamingTriggerValuesAndStreak()
    {
        var decision = GuardrailPolls.Run(GuardrailPolls.Canary, new GuardrailStreaks(), 3, [Error(2), Error(3), Error(3.27)]);

        Assert.NotNull(decision);
        Assert.Equal(GuardrailDecisionKind.RollBack, decision.Kind);
        Assert.Contains("Error rate > 1.5 %", decision.Reason, StringComparison.Ordinal);
        Assert.Contains("3 consecutive polls (3 required)", decision.Reason, StringComparison.Ordinal);
        Assert.Contains("error rate 3.27 %", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_TriggerProvenBySequentialTest_RollsBackOnTheFirstPollNamingTheCounts()
    {
        var evidence = GuardrailPolls.Evidence(20, CountTotals.Of(1_000, 100), CountTotals.Of(10_000, 30));
        var observations = GuardrailEvaluator.Observe(GuardrailPolls.Canary, Good, evidence: evidence);
        var streaks = new GuardrailStreaks().Record(GuardrailPolls.RolloutId, "0", observations, GuardrailPolls.T0);

        var decision = GuardrailJudge.Decide(PhaseState.Running, 1, observations, streaks, 3);

        Assert.NotNull(decision);
        Assert.Equal(GuardrailDecisionKind.RollBack, decision.Kind);
        Assert.Contains("Error rate > 1.5 % proven by the sequential test: 2000 errors in 20000 canary requests (10 %)", decision.Reason, StringComparison.Ordinal);
        Assert.Contains("against 600 in 200000 baseline requests, rate × 33", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_RegressionStartingAfterTenHealthyMinutes_NamesWhenTheEvidenceStarts()
    {
        var healthy = Enumerable.Repeat<(WindowTotals?, WindowTotals?)>((CountTotals.Of(50, 0), CountTotals.Of(5_000, 15)), 120);
        var faulty = Enumerable.Repeat<(WindowTotals?, WindowTotals?)>((CountTotals.Of(50, 2), CountTotals.Of(5_000, 15)), 8);
        var evidence = GuardrailPolls.Evidence(healthy.Concat(faulty));
        var observations = GuardrailEvaluator.Observe(GuardrailPolls.Canary, Good, evidence: evidence);
        var streaks = new GuardrailStreaks().Record(GuardrailPolls.RolloutId, "0", observations, GuardrailPolls.T0);

        var decision = GuardrailJudge.Decide(PhaseState.Running, 1, observations, streaks, 3);

        Assert.NotNull(decision);
        Assert.Equal(GuardrailDecisionKind.RollBack, decision.Kind);
        Assert.Contains("16 errors in 6400 canary requests", decision.Reason, StringComparison.Ordinal);
        Assert.Contains("proven on the counts since 09:10:00 UTC", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_BreachShorterThanRequired_DoesNothing()
    {
        Assert.Null(GuardrailPolls.Run(GuardrailPolls.Canary, new GuardrailStreaks(), 3, [Error(3), Error(3)]));
    }

    [Fact]
    public void Decide_BreachInterruptedByCleanPoll_DoesNothing()
    {
        Assert.Null(GuardrailPolls.Run(GuardrailPolls.Canary, new GuardrailStreaks(), 3, [Error(3), Error(3), Good, Error(3), Error(3)]));
    }

    [Fact]
    public void Decide_NoDataEveryPoll_NeverRollsBackAndNeverPasses()
    {
        var streaks = new GuardrailStreaks();
        var decision = GuardrailPolls.Run(GuardrailPolls.Canary, streaks, 3, [Error(null), Error(null), Error(null), Error(null)]);

        Assert.Null(decision);
        Assert.Equal(0, streaks.Of(GuardrailPolls.RolloutId, "trigger:0").Count);
    }

    [Fact]
    public void Decide_BreachAcrossANoDataGap_StillRollsBack()
    {
        var decision = GuardrailPolls.Run(GuardrailPolls.Canary, new GuardrailStreaks(), 3, [Error(3), Error(3), Error(null), Error(3)]);

        Assert.Equal(GuardrailDecisionKind.RollBack, decision?.Kind);
    }

    [Theory]
    [InlineData(PhaseState.AwaitingSignOff)]
    [InlineData(PhaseState.Passed)]
    [InlineData(PhaseState.Held)]
    public void Decide_TriggerInAnyActiveState_RollsBack(PhaseState state)
    {
        var decision = GuardrailPolls.Run(GuardrailPolls.Canary, new GuardrailStreaks(), 3, [Error(3), Error(3), Error(3)], state);

        Assert.Equal(GuardrailDecisionKind.RollBack, decision?.Kind);
    }

    [Theory]
    [InlineData(PhaseState.Pending)]
    [InlineData(PhaseState.RolledBack)]
    [InlineData(PhaseState.Completed)]
    [InlineData(PhaseState.Aborted)]
    public void Decide_PhaseNotActive_DoesNothing(PhaseState state)
    {
        Assert.Null(GuardrailPolls.Run(GuardrailPolls.Canary, new GuardrailStreaks(), 3, [Error(3), Error(3), Error(3)], state));
    }

    [Fact]
    public void Decide_TriggerAndContingencyTogether_TriggerWins()
    {
        // 2 % breaches the 1.5 % trigger and the rollout phase's "> 0.5 % → 50 %" rule alike.
        var decision = GuardrailPolls.Run(GuardrailPolls.Rollout, new GuardrailStreaks(), 2, [Error(2), Error(2)], weight: 100);

        Assert.Equal(GuardrailDecisionKind.RollBack, decision?.Kind);
    }

    [Fact]
    public void Decide_ContingencySustainedWhileRunning_ReducesTrafficTo50()
    {
        var decision = GuardrailPolls.Run(GuardrailPolls.Rollout, new GuardrailStreaks(), 3, [Error(0.7), Error(0.8), Error(0.7)], weight: 100);

        Assert.Equal(GuardrailDecisionKind.ReduceTraffic, decision?.Kind);
        Assert.Equal(50, decision!.TrafficPercent);
        Assert.Contains("100 % → 50 %", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_ReductionThatWouldNotLowerTheWeight_DoesNothing()
    {
        Assert.Null(GuardrailPolls.Run(GuardrailPolls.Rollout, new GuardrailStreaks(), 3, [Error(0.7), Error(0.7), Error(0.7)], weight: 50));
    }

    [Fact]
    public void Decide_ReductionWhileHeld_DoesNothing()
    {
        Assert.Null(GuardrailPolls.Run(GuardrailPolls.Rollout, new GuardrailStreaks(), 3, [Error(0.7), Error(0.7), Error(0.7)], PhaseState.Held, weight: 100));
    }

    [Fact]
    public void Decide_MonitorBandSustained_MonitorsCloselyForTwoHours()
    {
        var decision = GuardrailPolls.Run(GuardrailPolls.Rollout, new GuardrailStreaks(), 3, [Error(0.3), Error(0.3), Error(0.3)], weight: 100);

        Assert.Equal(GuardrailDecisionKind.MonitorClosely, decision?.Kind);
        Assert.Equal(TimeSpan.FromHours(2), decision!.Duration);
    }

    [Fact]
    public void Decide_LowAnomalySustained_Logs()
    {
        var decision = GuardrailPolls.Run(GuardrailPolls.Rollout, new GuardrailStreaks(), 3, [Error(0.09), Error(0.09), Error(0.09)], weight: 100);

        Assert.Equal(GuardrailDecisionKind.Log, decision?.Kind);
    }

    [Fact]
    public void Decide_StreakAlreadyActedOn_DoesNotActAgain()
    {
        var streaks = new GuardrailStreaks();
        var first = GuardrailPolls.Run(GuardrailPolls.Rollout, streaks, 3, [Error(0.3), Error(0.3), Error(0.3)], weight: 100);
        streaks.MarkActedOn(GuardrailPolls.RolloutId, first!.Rule.Id);

        Assert.Null(GuardrailPolls.Run(GuardrailPolls.Rollout, streaks, 3, [Error(0.3)], weight: 100));
    }

    [Fact]
    public void Decide_NewStreakAfterCleanPoll_ActsAgain()
    {
        var streaks = new GuardrailStreaks();
        var first = GuardrailPolls.Run(GuardrailPolls.Rollout, streaks, 2, [Error(0.3), Error(0.3)], weight: 100);
        streaks.MarkActedOn(GuardrailPolls.RolloutId, first!.Rule.Id);

        var again = GuardrailPolls.Run(GuardrailPolls.Rollout, streaks, 2, [Good, Error(0.3), Error(0.3)], weight: 100);

        Assert.Equal(GuardrailDecisionKind.MonitorClosely, again?.Kind);
    }
    [Theory]
    [InlineData(PhaseState.AwaitingSignOff, "the phase awaits sign-off")]
    [InlineData(PhaseState.Passed, "the phase has passed and waits to advance")]
    [InlineData(PhaseState.Held, "the phase is held")]
    public void CannotAct_ReductionOutsideARunningPhase_SaysWhyAndDecideDoesNothing(PhaseState state, string words)
    {
        var rule = GuardrailRule.Of(FastCanary).Single(r => r.Kind == GuardrailKind.Contingency);

        var decision = GuardrailPolls.Run(FastCanary, new GuardrailStreaks(), 3, [Error(1), Error(1), Error(1)], state, weight: 5);
        var why = GuardrailJudge.CannotAct(state, 5, rule);

        Assert.Null(decision);
        Assert.Equal($"cannot reduce traffic to 1 %: {words}, and traffic changes only while a phase runs; the canary stays at 5 % — hold or roll back by hand", why);
    }

    [Fact]
    public void CannotAct_ReductionWhileRunningAboveItsWeight_IsNullAndDecideReduces()
    {
        var rule = GuardrailRule.Of(FastCanary).Single(r => r.Kind == GuardrailKind.Contingency);

        var decision = GuardrailPolls.Run(FastCanary, new GuardrailStreaks(), 3, [Error(1), Error(1), Error(1)], PhaseState.Running, weight: 5);

        Assert.Null(GuardrailJudge.CannotAct(PhaseState.Running, 5, rule));
        Assert.Equal((GuardrailDecisionKind.ReduceTraffic, 1), (decision?.Kind, decision?.TrafficPercent));
    }

    [Fact]
    public void CannotAct_WeightAlreadyAtOrBelowTheRules_SaysNothingToReduce() =>
        Assert.Equal(
            "nothing to reduce: the canary runs at 1 %, not above 1 %",
            GuardrailJudge.CannotAct(PhaseState.Running, 1, GuardrailRule.Of(FastCanary).Single(r => r.Kind == GuardrailKind.Contingency)));

    [Fact]
    public void CannotAct_Trigger_IsNull() =>
        Assert.Null(GuardrailJudge.CannotAct(PhaseState.AwaitingSignOff, 5, GuardrailRule.Of(FastCanary)[0]));

    // The example plan's canary: 5 %, "error rate > 0.8 % → reduce traffic to 1 %" (plans/example-fast-canary.json).
    private static PlanPhase FastCanary => GuardrailPolls.Canary with
    {
        TrafficPercent = 5,
        ContingencyRules = [new ContingencyRule([new MetricCondition(MetricKeys.ErrorRatePct, Comparator.GreaterThan, 0.8)], ContingencyAction.ReduceTrafficTo(1))],
    };
}
