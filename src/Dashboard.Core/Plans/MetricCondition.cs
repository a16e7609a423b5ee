using Dashboard.Core.Evaluation;

namespace Dashboard.Core.Plans;

/// <summary>
/// A plain comparison such as "error rate &gt; 1.5 %": the building block of auto-rollback triggers
/// and contingency rules. Unlike a <see cref="Criterion"/> it has no WARN zone — it either holds or not.
/// </summary>
public sealed record MetricCondition(string Metric, Comparator Comparator, double Threshold)
{
    /// <summary>True when <paramref name="value"/> satisfies the comparison; missing data never does.</summary>
    public bool IsMetBy(double? value) =>
        value is { } measured && !double.IsNaN(measured) && Comparator.Holds(measured, Threshold);

    public override string ToString() => $"{Metric} {Comparator.Symbol()} {Threshold:0.###}";
}
