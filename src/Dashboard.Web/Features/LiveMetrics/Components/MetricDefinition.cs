using System.Globalization;
using Dashboard.Core.Evaluation;
using Dashboard.Core.Metrics;

namespace Dashboard.Web.Features.LiveMetrics.Components;

/// <summary>
/// How one metric is labelled, formatted and judged on the live pages.
/// </summary>
/// <param name="Key">Stable identifier, used in <c>data-testid</c> hooks (e.g. <c>errorRatePct</c>).</param>
/// <param name="Label">Human name shown on tiles, tables and charts.</param>
/// <param name="Unit">Unit shown after values ("%", "ms"); empty for counts.</param>
/// <param name="NumberFormat">.NET numeric format string of the value.</param>
/// <param name="Criterion">The canary-phase pass criterion, or null when the metric is informative only.</param>
/// <param name="Select">Reads the metric from one cohort, or null when it is not a per-cohort metric.</param>
public sealed record MetricDefinition(
    string Key,
    string Label,
    string Unit,
    string NumberFormat,
    Criterion? Criterion,
    Func<CohortMetrics, double?>? Select)
{
    public const string NoData = "no data";

    /// <summary>The formatted number only, or "no data": a missing value is never shown as 0.</summary>
    public string Format(double? value) =>
        value is { } v && !double.IsNaN(v) ? v.ToString(NumberFormat, CultureInfo.InvariantCulture) : NoData;

    /// <summary>"threshold &lt; 1 %", or null when there is no criterion.</summary>
    public string? ThresholdText => Criterion?.Describe(Unit.Length == 0 ? string.Empty : " " + Unit) is { } text
        ? "threshold " + text
        : null;

    /// <summary>The verdict of a canary value, or null for a metric without a criterion.</summary>
    public Verdict? Evaluate(double? value) => Criterion?.Evaluate(value);

    public double? ValueOf(CohortMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        return Select?.Invoke(metrics);
    }
}
