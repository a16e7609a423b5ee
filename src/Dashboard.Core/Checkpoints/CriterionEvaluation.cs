using Dashboard.Core.Evaluation;

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
/// rollback triggers (<see cref="CheckpointDecisionRubric"/>).
/// </param>
/// <param name="LastIntervalVerdict">The same rule applied to <paramref name="LastIntervalValue"/>; informative only.</param>
/// <param name="NoDataReason">Why the verdict is NO_DATA (empty window, query error, InfluxDB down …); null otherwise.</param>
/// <param name="Rule">The rule applied, in words.</param>
/// <param name="Query">The exact InfluxQL the evaluator ran for this metric; null for counts from the incident log.</param>
/// <param name="SampleInterval">Width of the intervals of <paramref name="Samples"/>.</param>
/// <param name="Samples">The per-interval values of the cumulative window, oldest first, for a table or chart.</param>
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
    IReadOnlyList<IntervalSample> Samples)
{
    /// <summary>The canary's per-interval values (intervals without canary data left out), for a statistical judge.</summary>
    public IReadOnlyList<double> CanarySamples => [.. Samples.Select(sample => sample.Canary).OfType<double>()];

    /// <summary>The baseline's per-interval values (intervals without baseline data left out).</summary>
    public IReadOnlyList<double> BaselineSamples => [.. Samples.Select(sample => sample.Baseline).OfType<double>()];

    /// <summary>The criterion this evaluation applied.</summary>
    public Criterion ToCriterion() => new(Metric, Comparator, Threshold, WarnMargin);

    /// <summary>
    /// Judges <paramref name="criterion"/> on the two values. <paramref name="noDataReason"/> is
    /// kept only when the verdict is NO_DATA.
    /// </summary>
    public static CriterionEvaluation Judge(
        Criterion criterion,
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
        var verdict = criterion.Evaluate(cumulative);
        var rule = $"{criterion.Metric} over [phase start, due) {criterion.Describe(unit)}: FAIL when it does not hold"
            + (criterion.WarnMargin > 0 ? $", WARN within {criterion.WarnMargin:0.###}{unit} of the threshold" : string.Empty)
            + ", NO_DATA without a value";
        return new CriterionEvaluation(
            criterion.Metric,
            unit,
            criterion.Comparator,
            criterion.Threshold,
            criterion.WarnMargin,
            cumulative,
            lastInterval,
            verdict,
            criterion.Evaluate(lastInterval),
            verdict == Verdict.NoData ? noDataReason ?? "No value for the window." : null,
            rule,
            query,
            sampleInterval,
            samples);
    }
}
