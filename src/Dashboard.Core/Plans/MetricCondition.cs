using System.Globalization;
using Dashboard.Core.Evaluation;
using Dashboard.Core.Metrics;

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

    /// <summary>"Error rate &gt; 1.5 %": the metric's name and unit as <see cref="MetricCatalog"/> writes them, never its key.</summary>
    public override string ToString() => MetricCatalog.Find(Metric) is { } definition
        ? $"{definition.Label} {definition.Threshold(Comparator, Threshold)}"
        : string.Create(CultureInfo.InvariantCulture, $"{Metric} {Comparator.Symbol()} {Threshold:0.###}");
}
