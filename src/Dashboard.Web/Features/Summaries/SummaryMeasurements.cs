using Dashboard.Core.Evaluation;

namespace Dashboard.Web.Features.Summaries;

/// <summary>The criteria of a phase over a summary's period, its revenue impact and the worst verdict of what gates.</summary>
public sealed record SummaryMeasurements(IReadOnlyList<SummaryCriterion> Criteria, SummaryCriterion Revenue, Verdict Overall);
