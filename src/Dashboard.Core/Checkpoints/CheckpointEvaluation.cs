using Dashboard.Core.Evaluation;
using Dashboard.Core.Statistics;

namespace Dashboard.Core.Checkpoints;

/// <summary>
/// The result of one checkpoint of one phase of a rollout: every criterion, the overall verdict
/// (<see cref="CheckpointVerdicts.Overall(IEnumerable{CriterionEvaluation})"/>), the suggested decision
/// (<see cref="CheckpointDecisionRubric"/>), each criterion's trend against the previous checkpoint
/// and the statistical comparison of canary against baseline (<see cref="CheckpointComparison"/>).
/// Plain data, meant to be stored as JSON. The comparison is advisory — shown beside the thresholds,
/// never part of the verdict or the decision — and null in evaluations stored before it existed and
/// when no criterion is measured in InfluxDB (only incident counts).
/// </summary>
public sealed record CheckpointEvaluation(
    string RolloutId,
    int PhaseIndex,
    string PhaseName,
    TimeSpan CheckpointOffset,
    CheckpointWindow Window,
    DateTimeOffset EvaluatedAt,
    IReadOnlyList<CriterionEvaluation> Criteria,
    Verdict OverallVerdict,
    CheckpointDecision SuggestedDecision,
    string DecisionReason,
    IReadOnlyList<CriterionTrend> Trends,
    CanaryJudgement? Comparison = null);
