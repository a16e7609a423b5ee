using Dashboard.Core.Evaluation;
using Dashboard.Core.Plans;

namespace Dashboard.Core.Checkpoints;

/// <summary>
/// The rule from a checkpoint's overall verdict to what happens to its phase (docs/checkpoints.md, "What a
/// verdict does"). FAIL and NO_DATA hold the phase at any checkpoint. At the last checkpoint an auto-advance
/// gate advances only when every gating criterion is PASS — the runbooks' "auto-advance if ALL pass" — and a
/// WARN there waits for a person, unless the gate says <see cref="PhaseGate.AdvanceOnWarn"/>. A sign-off
/// gate asks its leads either way.
/// </summary>
public static class CheckpointFollowUps
{
    public static CheckpointFollowUp Decide(PlanPhase phase, TimeSpan checkpoint, Verdict overall)
    {
        ArgumentNullException.ThrowIfNull(phase);
        if (overall is Verdict.Fail or Verdict.NoData)
        {
            return CheckpointFollowUp.Hold;
        }

        if (checkpoint != phase.Checkpoints[^1])
        {
            return CheckpointFollowUp.Continue;
        }

        return phase.Gate.Kind switch
        {
            GateKind.SignOff => CheckpointFollowUp.RequestSignOff,
            _ when overall == Verdict.Pass || phase.Gate.AdvanceOnWarn => CheckpointFollowUp.Advance,
            _ => CheckpointFollowUp.WaitForPerson,
        };
    }

    /// <summary>The criteria that gate the checkpoint (dry runs left out) and came out WARN, in plan order.</summary>
    public static IReadOnlyList<CriterionEvaluation> Warnings(CheckpointEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        return [.. evaluation.Criteria.Where(criterion => !criterion.DryRun && criterion.Verdict == Verdict.Warn)];
    }
}
