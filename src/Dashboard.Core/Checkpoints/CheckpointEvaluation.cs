using Dashboard.Core.Evaluation;
using Dashboard.Core.Statistics;

namespace Dashboard.Core.Checkpoints;

/// <summary>
/// The result of one checkpoint of one phase of a rollout: every criterion, the overall verdict
/// (<see cref="CheckpointVerdicts.Overall(IEnumerable{CriterionEvaluation})"/>), the suggested decision
/// (<see cref="CheckpointDecisionRubric"/>) and each criterion's trend against the previous checkpoint.
/// Plain data, meant to be stored as JSON.
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
