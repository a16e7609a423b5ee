using System.Globalization;
using Dashboard.Core.Checkpoints;
using Dashboard.Core.Evaluation;
using Dashboard.Core.Metrics;
using Dashboard.Core.Plans;

namespace Dashboard.Core.Monitoring;

/// <summary>
/// Judges the current phase of a rollout against one metrics snapshot: each pass criterion (PASS,
/// WARN, FAIL) and each auto-rollback trigger (FAIL when it holds) on the canary's value over the
/// window. Missing or stale data is NO_DATA, never a pass: no snapshot (InfluxDB failed), no point in
/// the window, or the newest point older than the allowed age at the window's end. The overall
/// verdict is the worst counted metric, ranked as at checkpoints (FAIL &gt; NO_DATA &gt; WARN &gt; PASS);
/// nothing counted is NO_DATA.
/// </summary>
public static class HealthCheckJudge
{
    private const int SummaryItems = 3;

    /// <param name="phase">The rollout's current phase.</param>
    /// <param name="elapsed">Planned time since the phase started (null: not started), to tell which criteria apply yet.</param>
    /// <param name="snapshot">The metrics over the window, or null when they could not be read.</param>
    /// <param name="unavailableReason">Why <paramref name="snapshot"/> is null.</param>
    /// <param name="maxDataAge">How old the newest point may be at the window's end before the data is stale.</param>
    public static HealthCheckResult Judge(PlanPhase phase, TimeSpan? elapsed, MetricsSnapshot? snapshot, string? unavailableReason, TimeSpan maxDataAge)
    {
        ArgumentNullException.ThrowIfNull(phase);
        var missing = snapshot is null
            ? unavailableReason ?? "metrics could not be read"
            : StaleReason(snapshot, maxDataAge);
        var metrics = phase.Criteria.Select(c => JudgeCriterion(c, elapsed, snapshot, missing))
            .Concat(phase.AutoRollbackTriggers.Select(t => JudgeTrigger(t, snapshot, missing)))
            .ToList();
        var counted = metrics.Where(m => m.Counted).ToList();
        var overall = CheckpointVerdicts.Overall(counted.Select(m => m.Verdict));
        return new HealthCheckResult(overall, Summarize(overall, counted, missing, snapshot?.WindowSeconds), metrics);
    }

    /// <summary>The verdict as people read it everywhere (VerdictPresentation): PASS, WARN, FAIL, NO DATA.</summary>
    public static string Text(Verdict verdict) => verdict == Verdict.NoData ? "NO DATA" : verdict.ToString().ToUpperInvariant();

    private static string? StaleReason(MetricsSnapshot snapshot, TimeSpan maxDataAge) => snapshot.NewestPointAt switch
    {
        null => "no data in the window",
        { } newest when snapshot.AsOf - newest > maxDataAge =>
            string.Create(CultureInfo.InvariantCulture, $"stale: the newest point is {PlanDuration.Format(TimeSpan.FromSeconds(Math.Floor((snapshot.AsOf - newest).TotalSeconds)))} old"),
        _ => null,
    };

    private static HealthCheckMetric JudgeCriterion(PassCriterion pass, TimeSpan? elapsed, MetricsSnapshot? snapshot, string? missing)
    {
        var criterion = pass.Criterion;
        if (MetricCatalog.Find(pass.Metric) is not { InSnapshot: true } definition)
        {
            return new(pass.Metric, HealthCheckRule.Criterion, criterion.Comparator, criterion.Threshold, null, Verdict.NoData, false,
                "not in the metrics snapshot; judged at checkpoints");
        }

        var value = snapshot is null ? null : definition.SnapshotValue(snapshot);
        var verdict = missing is null ? criterion.Evaluate(value) : Verdict.NoData;
        var applies = pass.FromCheckpoint is not { } from || (elapsed is { } e && e >= from);
        var note = !applies
            ? $"applies from the {PlanDuration.Format(pass.FromCheckpoint!.Value)} checkpoint"
            : verdict == Verdict.NoData ? missing ?? "no value in the window" : null;
        return new(pass.Metric, HealthCheckRule.Criterion, criterion.Comparator, criterion.Threshold, value, verdict, applies, note);
    }

    private static HealthCheckMetric JudgeTrigger(MetricCondition trigger, MetricsSnapshot? snapshot, string? missing)
    {
        if (MetricCatalog.Find(trigger.Metric) is not { InSnapshot: true } definition)
        {
            return new(trigger.Metric, HealthCheckRule.RollbackTrigger, trigger.Comparator, trigger.Threshold, null, Verdict.NoData, false,
                "not in the metrics snapshot; judged at checkpoints");
        }

        var value = snapshot is null ? null : definition.SnapshotValue(snapshot);
        var verdict = missing is not null || value is not { } v || double.IsNaN(v)
            ? Verdict.NoData
            : trigger.IsMetBy(value) ? Verdict.Fail : Verdict.Pass;
        var note = verdict == Verdict.NoData ? missing ?? "no value in the window" : null;
        return new(trigger.Metric, HealthCheckRule.RollbackTrigger, trigger.Comparator, trigger.Threshold, value, verdict, true, note);
    }

    private static string Summarize(Verdict overall, List<HealthCheckMetric> counted, string? missing, int? windowSeconds)
    {
        var verdict = Text(overall);
        if (counted.Count == 0)
        {
            return $"{verdict} — nothing in the current phase that a metrics snapshot can judge.";
        }

        if (missing is not null)
        {
            return $"{verdict} — {missing}; {counted.Count} checks not judged.";
        }

        if (overall == Verdict.Pass)
        {
            var over = windowSeconds is { } seconds ? $" over {PlanDuration.Format(TimeSpan.FromSeconds(seconds))}" : string.Empty;
            return string.Create(CultureInfo.InvariantCulture, $"{verdict} — all {counted.Count} checks pass{over}.");
        }

        var problems = counted.Where(m => m.Verdict != Verdict.Pass)
            .OrderByDescending(m => CheckpointVerdicts.Severity(m.Verdict))
            .ToList();
        var items = problems.Take(SummaryItems).Select(Describe);
        var more = problems.Count > SummaryItems ? string.Create(CultureInfo.InvariantCulture, $"; and {problems.Count - SummaryItems} more") : string.Empty;
        return $"{verdict} — {string.Join("; ", items)}{more}.";
    }

    /// <summary>"Error rate 1.2 %, needs &lt; 1 %": the metric's name, value and threshold as the catalog writes them, never its key.</summary>
    private static string Describe(HealthCheckMetric metric)
    {
        var definition = MetricCatalog.Get(metric.Metric);
        var condition = definition.Threshold(metric.Comparator, metric.Threshold);
        if (metric.Value is not { } value)
        {
            return $"{definition.Label} no data ({metric.Note})";
        }

        var measured = definition.Text(value);
        return metric.Rule == HealthCheckRule.RollbackTrigger
            ? $"{definition.Label} {measured} meets rollback trigger {condition}"
            : metric.Verdict == Verdict.Warn
                ? $"{definition.Label} {measured}, near the limit {condition}"
                : $"{definition.Label} {measured}, needs {condition}";
    }
}
