using Dashboard.Core.Evaluation;
using Dashboard.Core.Metrics;
using Dashboard.Core.Plans;

namespace Dashboard.Core.Checkpoints;

/// <summary>
/// One criterion judged at one checkpoint, with everything needed to answer "why did it fail?":
/// the values, the rule, the InfluxQL it ran and the per-interval values it saw.
/// </summary>
/// <param name="Metric">Metric key (<see cref="Plans.MetricKeys"/>).</param>
/// <param name="Unit">The metric's unit ("%", "ms", "pp", "MB/h" or empty for counts).</param>
/// <param name="Comparator">How the value must relate to <paramref name="Threshold"/>.</param>
/// <param name="Threshold">The pass threshold.</param>
/// <param name="WarnMargin">A passing value closer to the threshold than this is a WARN.</param>
/// <param name="CumulativeValue">The value over [phase start, due); null without data.</param>
/// <param name="LastIntervalValue">The value over [previous checkpoint, due); null without data.</param>
/// <param name="Verdict">
/// The verdict, judged on <paramref name="CumulativeValue"/>: it holds every sample of the phase so
/// far, so a short noisy interval at 1 % traffic neither fails nor passes a phase on its own; the
/// last interval is shown beside it, drives the trend, and can still trigger an abort through the
/// rollback triggers (<see cref="CheckpointDecisionRubric"/>). NO_DATA turns into FAIL under
/// <paramref name="MustHaveData"/> or <paramref name="OnInconclusive"/> = fail.
/// </param>
/// <param name="LastIntervalVerdict">The plain rule applied to <paramref name="LastIntervalValue"/>; informative only.</param>
/// <param name="NoDataReason">
/// Why there was no value (empty window, query error, InfluxDB down …), kept when the options made
/// that a FAIL; null when there was a value.
/// </param>
/// <param name="Rule">The rule applied, in words.</param>
/// <param name="Query">The exact InfluxQL the evaluator ran for this metric; null for counts from the incident log.</param>
/// <param name="SampleInterval">Width of the intervals of <paramref name="Samples"/>.</param>
/// <param name="Samples">The per-interval values of the cumulative window, oldest first, for a table or chart.</param>
/// <param name="DryRun">Evaluated and shown, but left out of the overall verdict and the decision.</param>
/// <param name="MustHaveData">The criterion must have data: NO_DATA is a FAIL.</param>
/// <param name="OnInconclusive">What NO_DATA does without <paramref name="MustHaveData"/>.</param>
/// <param name="Note">Why the verdict is not the plain rule's, or that the criterion is a dry run; null otherwise.</param>
public sealed record CriterionEvaluation(
    string Metric,
    string Unit,
    Comparator Comparator,
    double Threshold,
    double WarnMargin,
    double? CumulativeValue,
    double? LastIntervalValue,
    Verdict Verdict,
    Verdict LastIntervalVerdict,
    string? NoDataReason,
    string Rule,
    string? Query,
    TimeSpan SampleInterval,
    IReadOnlyList<IntervalSample> Samples,
    bool DryRun = false,
    bool MustHaveData = false,
    InconclusiveAction OnInconclusive = InconclusiveAction.Pause,
    string? Note = null)
{
    public const string MustHaveDataNote = "no data, and the criterion must have data";
    public const string FailInconclusiveNote = "no data, and the criterion fails when inconclusive";
    public const string DryRunNote = "dry run: evaluated and shown, never gates";

    /// <summary>The canary's per-interval values (intervals without canary data left out), for a statistical judge.</summary>
    public IReadOnlyList<double> CanarySamples => [.. Samples.Select(sample => sample.Canary).OfType<double>()];

    /// <summary>The baseline's per-interval values (intervals without baseline data left out).</summary>
    public IReadOnlyList<double> BaselineSamples => [.. Samples.Select(sample => sample.Baseline).OfType<double>()];

    /// <summary>The criterion this evaluation applied.</summary>
    public Criterion ToCriterion() => new(Metric, Comparator, Threshold, WarnMargin);

    /// <summary>Judges a plain criterion (default options) on the two values.</summary>
    public static CriterionEvaluation Judge(
        Criterion criterion,
        string unit,
        double? cumulative,
        double? lastInterval,
        string? noDataReason,
        string? query,
        TimeSpan sampleInterval,
        IReadOnlyList<IntervalSample> samples) =>
        Judge(new PassCriterion(criterion), unit, cumulative, lastInterval, noDataReason, query, sampleInterval, samples);

    /// <summary>
    /// Judges <paramref name="criterion"/> on the two values, applying its options.
    /// <paramref name="noDataReason"/> is kept only when there was no cumulative value.
    /// </summary>
    public static CriterionEvaluation Judge(
        PassCriterion criterion,
        string unit,
        double? cumulative,
        double? lastInterval,
        string? noDataReason,
        string? query,
        TimeSpan sampleInterval,
        IReadOnlyList<IntervalSample> samples)
    {
        ArgumentNullException.ThrowIfNull(criterion);
        ArgumentNullException.ThrowIfNull(samples);
        var rule = criterion.Criterion;
        var measured = rule.Evaluate(cumulative);
        var (verdict, note) = measured switch
        {
            Verdict.NoData when criterion.MustHaveData => (Verdict.Fail, MustHaveDataNote),
            Verdict.NoData when criterion.OnInconclusive == InconclusiveAction.Fail => (Verdict.Fail, FailInconclusiveNote),
            _ => (measured, (string?)null),
        };
        if (criterion.DryRun)
        {
            note = note is null ? DryRunNote : $"{DryRunNote}; {note}";
        }

        return new CriterionEvaluation(
            rule.Metric,
            unit,
            rule.Comparator,
            rule.Threshold,
            rule.WarnMargin,
            cumulative,
            lastInterval,
            verdict,
            rule.Evaluate(lastInterval),
            measured == Verdict.NoData ? noDataReason ?? "No value for the window." : null,
            Describe(criterion, unit),
            query,
            sampleInterval,
            samples,
            criterion.DryRun,
            criterion.MustHaveData,
            criterion.OnInconclusive,
            note);
    }

    private static string Describe(PassCriterion criterion, string unit)
    {
        var rule = criterion.Criterion;
        var withoutValue = criterion.MustHaveData || criterion.OnInconclusive == InconclusiveAction.Fail
            ? ", FAIL without a value"
            : ", NO DATA without a value";
        return $"{MetricCatalog.LabelOf(rule.Metric)} over [phase start, due) {rule.Describe(unit)}: FAIL when it does not hold"
            + (rule.WarnMargin > 0 ? $", WARN within {rule.WarnMargin:0.###}{unit} of the threshold" : string.Empty)
            + withoutValue
            + (criterion.DryRun ? "; dry run, never gates" : string.Empty);
    }
}
