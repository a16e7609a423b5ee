namespace Dashboard.Core.Statistics;

/// <summary>
/// The statistical judgement of a canary over one window: every metric's comparison, the
/// weighted score and its classification. Persisted with the checkpoint verdict.
/// </summary>
/// <param name="Classification">Pass, Marginal, Fail or NoData.</param>
/// <param name="Score">100 × weight of passing metrics ÷ weight of metrics with data; null when none had data.</param>
/// <param name="Reason">One sentence explaining the classification.</param>
/// <param name="Metrics">Each metric's comparison, in input order.</param>
/// <param name="Options">The settings the judgement was made with.</param>
public sealed record CanaryJudgement(
    CanaryScoreClassification Classification,
    double? Score,
    string Reason,
    IReadOnlyList<MetricComparison> Metrics,
    CanaryJudgeOptions Options);
