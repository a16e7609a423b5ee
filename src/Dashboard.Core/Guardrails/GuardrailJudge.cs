using System.Globalization;
using Dashboard.Core.Guardrails.Sequential;
using Dashboard.Core.Metrics;
using Dashboard.Core.Plans;
using Dashboard.Core.Rollouts;

namespace Dashboard.Core.Guardrails;

/// <summary>
/// Decides what one poll calls for, once the streaks are counted. A trigger sustained for the
/// required number of polls (one, for a rule the sequential test proves regressing) rolls back, and wins over any contingency. Otherwise the contingency
/// rule that matched first acts once per streak: a traffic reduction only while the phase runs and
/// only when it lowers the current weight; monitor-closely and log in any watched state.
/// </summary>
public static class GuardrailJudge
{
    /// <summary>The phase states the guardrails watch: everything between start and a terminal state.</summary>
    public static bool IsWatched(PhaseState state) =>
        state is PhaseState.Running or PhaseState.AwaitingSignOff or PhaseState.Passed or PhaseState.Held;

    /// <param name="state">The phase's state now.</param>
    /// <param name="canaryWeightPercent">The weight the rollout runs at now.</param>
    /// <param name="observations">This poll's readings.</param>
    /// <param name="streaks">The streaks after this poll, in the same order.</param>
    /// <param name="consecutiveBreaches">Polls in a row a breach of a value rule must last, at least 1.</param>
    public static GuardrailDecision? Decide(
        PhaseState state, int canaryWeightPercent, IReadOnlyList<GuardrailObservation> observations, IReadOnlyList<GuardrailStreak> streaks, int consecutiveBreaches)
    {
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(streaks);
        ArgumentOutOfRangeException.ThrowIfLessThan(consecutiveBreaches, 1);
        if (observations.Count != streaks.Count)
        {
            throw new ArgumentException("Every observation needs its streak.", nameof(streaks));
        }

        if (!IsWatched(state))
        {
            return null;
        }

        var sustained = observations.Zip(streaks)
            .Where(pair => pair.First.Reading == GuardrailReading.Breached && pair.Second.Count >= pair.First.RequiredPolls(consecutiveBreaches) && !pair.Second.ActedOn)
            .ToList();
        if (sustained.FirstOrDefault(pair => pair.First.Rule.Kind == GuardrailKind.RollbackTrigger) is { First: not null } trigger)
        {
            return new GuardrailDecision(
                GuardrailDecisionKind.RollBack, trigger.First, trigger.Second,
                $"Guardrail: auto-rollback trigger {Explain(trigger.First, trigger.Second, consecutiveBreaches)}");
        }

        if (sustained.FirstOrDefault(pair => pair.First.Rule.Kind == GuardrailKind.Contingency) is not { First: { Rule.Then: { } action } } rule)
        {
            return null;
        }

        var why = $"Guardrail: contingency rule {Explain(rule.First, rule.Second, consecutiveBreaches)}";
        return action.Kind switch
        {
            ContingencyActionKind.ReduceTraffic when CannotAct(state, canaryWeightPercent, rule.First.Rule) is null =>
                new GuardrailDecision(GuardrailDecisionKind.ReduceTraffic, rule.First, rule.Second, $"{why}; reducing canary traffic {canaryWeightPercent} % → {action.TrafficPercent} %", TrafficPercent: action.TrafficPercent),
            ContingencyActionKind.ReduceTraffic => null,
            ContingencyActionKind.MonitorClosely =>
                new GuardrailDecision(GuardrailDecisionKind.MonitorClosely, rule.First, rule.Second, $"{why}; monitor closely for {PlanDuration.Format(action.Duration ?? TimeSpan.Zero)}", Duration: action.Duration),
            _ => new GuardrailDecision(GuardrailDecisionKind.Log, rule.First, rule.Second, $"{why}; logged"),
        };
    }

    /// <summary>
    /// Why <paramref name="rule"/>, once its condition has held long enough, cannot do its action now; null when it can.
    /// Only a traffic reduction can be impossible: the router's weight moves only while the phase runs
    /// (the phase state machine allows no traffic change while it awaits sign-off, has passed or is held),
    /// and a reduction never raises the weight.
    /// </summary>
    public static string? CannotAct(PhaseState state, int canaryWeightPercent, GuardrailRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (rule.Then is not { Kind: ContingencyActionKind.ReduceTraffic } reduce)
        {
            return null;
        }

        if (reduce.TrafficPercent is not { } percent)
        {
            return "cannot reduce traffic: the rule names no traffic percent";
        }

        if (state != PhaseState.Running)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"cannot reduce traffic to {percent} %: the phase {StateWords(state)}, and traffic changes only while a phase runs; the canary stays at {canaryWeightPercent} % — hold or roll back by hand");
        }

        return percent < canaryWeightPercent
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"nothing to reduce: the canary runs at {canaryWeightPercent} %, not above {percent} %");
    }

    private static string StateWords(PhaseState state) => state switch
    {
        PhaseState.AwaitingSignOff => "awaits sign-off",
        PhaseState.Passed => "has passed and waits to advance",
        PhaseState.Held => "is held",
        _ => string.Create(CultureInfo.InvariantCulture, $"is {state}"),
    };

    /// <summary>
    /// "Error rate &gt; 1.5 % held for 3 consecutive polls (3 required) since 12:00:05 UTC: error rate 3.27 %", or for a rule
    /// the sequential test judges "Error rate &gt; 1.5 % proven by the sequential test: 14 errors in 160 canary requests (8.75 %) against 25 in 16000 baseline requests".
    /// </summary>
    private static string Explain(GuardrailObservation observation, GuardrailStreak streak, int required)
    {
        if (observation.Evidence is { } evidence)
        {
            return $"{observation.Rule.Describe()} proven by the sequential test: {string.Join("; ", evidence.Select(Proof))}";
        }

        var values = string.Join(", ", observation.Values.Select(v => ValueText(v.Key, v.Value)));
        var since = streak.Since is { } at ? string.Create(CultureInfo.InvariantCulture, $" since {at.UtcDateTime:HH:mm:ss} UTC") : string.Empty;
        return $"{observation.Rule.Describe()} held for {streak.Count} consecutive polls ({required} required){since}: {values}";
    }

    private static string Proof(ConditionEvidence evidence)
    {
        var verdict = evidence.Verdict;
        var signal = verdict.Rule.BreachSignal ?? verdict.Rule.HealthSignal;
        var canary = verdict.BreachSide ?? verdict.HealthSide;
        var text = canary is { Trials: > 0 }
            ? string.Create(CultureInfo.InvariantCulture, $"{canary.Events} {signal} in {canary.Trials} canary {Trials(signal)} ({100.0 * canary.Events / canary.Trials:0.##} %)")
            : "no canary counts";
        if (verdict.Comparative is not { State: SequentialState.Regressing } compared)
        {
            return text;
        }

        // A regression that started late is proven on the evidence since then; the totals above cover the whole epoch.
        var lateStart = compared.EvidenceSince > TimeSpan.Zero
            ? string.Create(CultureInfo.InvariantCulture, $", proven on the counts since {(evidence.Since + compared.EvidenceSince).UtcDateTime:HH:mm:ss} UTC")
            : string.Empty;
        return text + string.Create(CultureInfo.InvariantCulture, $" against {compared.BaselineEvents} in {compared.BaselineTrials} baseline {Trials(signal)}, rate × {compared.Estimate:0.##}{lateStart}");
    }

    private static string Trials(CountSignal? signal) => signal?.Kind == CountSignalKind.FailedProbes ? "probes" : "requests";

    /// <summary>"error rate 3.27 %" (the catalog's name, lower-cased as it follows a colon), or "error rate no data".</summary>
    private static string ValueText(string metric, double? value) => MetricCatalog.Find(metric) is { } definition
        ? $"{LowerFirst(definition.Label)} {(value is null ? MetricDefinition.NoData : definition.Text(value))}"
        : string.Create(CultureInfo.InvariantCulture, $"{metric} {value:0.###}");

    private static string LowerFirst(string label) =>
        label.Length > 1 && char.IsUpper(label[0]) && char.IsLower(label[1]) ? char.ToLowerInvariant(label[0]) + label[1..] : label;
}
