using Dashboard.Core.Checkpoints;
using Dashboard.Core.Plans;
using Dashboard.Web.Features.Rollouts;

namespace Dashboard.Web.Features.Checkpoints;

/// <summary>
/// One evaluated checkpoint as its page shows it: the rollout and plan, the verdict as persisted
/// (with its row id, due and evaluation times) and the decisions people recorded on it, oldest first.
/// </summary>
public sealed record CheckpointDetail(
    RolloutView Rollout,
    RolloutPlan Plan,
    CheckpointVerdictView Verdict,
    Guid VerdictId,
    CheckpointEvaluation Evaluation,
    IReadOnlyList<CheckpointDecisionView> Decisions)
{
    /// <summary>The decision that counts: the latest one, or null before anyone decided.</summary>
    public CheckpointDecisionView? CurrentDecision => Decisions.Count == 0 ? null : Decisions[^1];
}
