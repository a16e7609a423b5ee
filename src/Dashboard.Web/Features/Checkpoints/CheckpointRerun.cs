using Dashboard.Core.Checkpoints;
using Dashboard.Core.Evaluation;

namespace Dashboard.Web.Features.Checkpoints;

/// <summary>
/// A fresh evaluation of a stored checkpoint's window, beside the stored one. Never persisted as a
/// verdict: the stored verdict stays the record of what the automation saw and acted on.
/// </summary>
public sealed record CheckpointRerun(
    CheckpointEvaluation Stored,
    CheckpointEvaluation Fresh,
    IReadOnlyList<CriterionChange> Changes,
    string ReevaluatedBy,
    string Reason)
{
    public Verdict StoredVerdict => Stored.OverallVerdict;

    public Verdict FreshVerdict => Fresh.OverallVerdict;

    public bool AnyDifference => Changes.Any(change => change.Differs) || StoredVerdict != FreshVerdict;
}
