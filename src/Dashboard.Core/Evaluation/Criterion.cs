namespace Dashboard.Core.Evaluation;

/// <summary>
/// A pass criterion: the measured metric must satisfy <see cref="Comparator"/> against
/// <see cref="Threshold"/>. A passing value closer to the threshold than <see cref="WarnMargin"/>
/// (in the metric's own unit) is a WARN.
/// </summary>
public sealed record Criterion(string Metric, Comparator Comparator, double Threshold, double WarnMargin)
{
    public Verdict Evaluate(double? value)
    {
        if (value is not { } measured || double.IsNaN(measured))
        {
            return Verdict.NoData;
        }

        if (!Comparator.Holds(measured, Threshold))
        {
            return Verdict.Fail;
        }

        var headroom = Comparator.HigherIsBetter() ? measured - Threshold : Threshold - measured;
        return headroom < WarnMargin ? Verdict.Warn : Verdict.Pass;
    }

    /// <summary>Human text such as "&lt; 1 %".</summary>
    public string Describe(string unit) => $"{Comparator.Symbol()} {Threshold:0.###}{unit}";
}
