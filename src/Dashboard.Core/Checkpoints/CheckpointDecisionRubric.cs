using System.Globalization;
using Dashboard.Core.Evaluation;
using Dashboard.Core.Plans;

namespace Dashboard.Core.Checkpoints;

/// <summary>
/// The runbook rubric of docs/checkpoints.md ("Decisions at a checkpoint: Continue, Monitor closely, Reduce
/// traffic, Abort"), applied to the phase's own rules. The most severe applicable decision wins:
/// <list type="number">
/// <item><b>Abort</b> — an auto-rollback trigger of the phase holds ("error &gt; 1.5 %, P99 &gt; 250 ms,
/// availability &lt; 99 %, revenue impact &lt; −5 %, checked continuously").</item>
/// <item><b>Reduce traffic</b> — the first matching contingency rule says so ("error &gt; 0.5 % → reduce
/// traffic to 50 %"), or the overall verdict is FAIL without a trigger.</item>
/// <item><b>Monitor closely</b> — the first matching contingency rule says so ("0.1–0.5 % → monitor
/// closely for 2 h"), or the overall verdict is WARN or NO_DATA (not judged is never a pass).</item>
/// <item><b>Continue</b> — every criterion passed; a matching <c>log</c> rule changes nothing.</item>
/// </list>
/// Triggers and contingency rules are tried on the cumulative values and on the last-interval
/// values, and the more severe outcome counts: a spike in the last interval is exactly what a
/// trigger exists for, even when the phase's average still hides it.
/// </summary>
public static class CheckpointDecisionRubric
{
    public static DecisionSuggestion Suggest(
        PlanPhase phase,
        Verdict overall,
        Func<string, double?> cumulativeValueOf,
        Func<string, double?> lastIntervalValueOf)
    {
        ArgumentNullException.ThrowIfNull(phase);
        ArgumentNullException.ThrowIfNull(cumulativeValueOf);
        ArgumentNullException.ThrowIfNull(lastIntervalValueOf);

        var windows = new[] { ("cumulative", cumulativeValueOf), ("last interval", lastIntervalValueOf) };
        var candidates = new List<DecisionSuggestion> { FromVerdict(overall) };
        foreach (var (window, valueOf) in windows)
        {
            candidates.AddRange(phase.AutoRollbackTriggers
                .Where(trigger => trigger.IsMetBy(valueOf(trigger.Metric)))
                .Select(trigger => new DecisionSuggestion(
                    CheckpointDecision.Abort,
                    $"auto-rollback trigger {trigger} holds ({window} value {Format(valueOf(trigger.Metric))})")));

            if (phase.ContingencyRules.FirstOrDefault(rule => rule.Matches(valueOf)) is { } rule && FromContingency(rule, window) is { } suggestion)
            {
                candidates.Add(suggestion);
            }
        }

        // MaxBy keeps the first of equals: the verdict's own reason before a rule's of the same weight.
        return candidates.MaxBy(candidate => candidate.Decision)!;
    }

    private static DecisionSuggestion FromVerdict(Verdict overall) => overall switch
    {
        Verdict.Pass => new(CheckpointDecision.Continue, "every criterion passed"),
        Verdict.Warn => new(CheckpointDecision.MonitorClosely, "a criterion is inside its WARN margin"),
        Verdict.NoData => new(CheckpointDecision.MonitorClosely, "a criterion has no data, which is never a pass"),
        Verdict.Fail => new(CheckpointDecision.ReduceTraffic, "a criterion failed without tripping a rollback trigger"),
        _ => throw new ArgumentOutOfRangeException(nameof(overall), overall, "Unknown verdict."),
    };

    private static DecisionSuggestion? FromContingency(ContingencyRule rule, string window)
    {
        var when = string.Join(" and ", rule.When.Select(condition => condition.ToString()));
        return rule.Then.Kind switch
        {
            ContingencyActionKind.ReduceTraffic => new(CheckpointDecision.ReduceTraffic,
                $"contingency rule {when} ({window}) → reduce traffic to {rule.Then.TrafficPercent} %"),
            ContingencyActionKind.MonitorClosely => new(CheckpointDecision.MonitorClosely,
                $"contingency rule {when} ({window}) → monitor closely for {rule.Then.Duration}"),
            _ => null,
        };
    }

    private static string Format(double? value) =>
        value is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : "none";
}
