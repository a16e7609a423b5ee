using Dashboard.Core.Evaluation;

namespace Dashboard.Web.Features.Summaries;

/// <summary>One criterion over the summary's period, in the metric catalog's words.</summary>
/// <param name="Metric">The metric's label, e.g. "Error rate".</param>
/// <param name="Threshold">E.g. "&lt; 1 %"; empty for a value shown but not judged.</param>
/// <param name="Value">The value over the period with its unit, or "no data".</param>
/// <param name="Measured">The same value as a number; null without data.</param>
/// <param name="Verdict">Null for a value shown but not judged (revenue impact when the plan does not judge it).</param>
/// <param name="Judged">False for a dry run or a value the plan does not judge (revenue impact): never gates.</param>
/// <param name="NoDataReason">Why there was no value; null when there was one.</param>
public sealed record SummaryCriterion(string Metric, string Threshold, string Value, double? Measured, Verdict? Verdict, bool Judged, string? NoDataReason);
