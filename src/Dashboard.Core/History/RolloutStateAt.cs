using Dashboard.Core.Guardrails;
using Dashboard.Core.Plans;
using Dashboard.Core.Rollouts;
using Dashboard.Core.SignOffs;

namespace Dashboard.Core.History;

/// <summary>
/// One rollout as it stood at a past moment, rebuilt from the audit log (<see cref="BoardStateRebuild"/>):
/// the phase it was in and that phase's state, the weight it asked for and the weight the router had
/// confirmed, its gate, and the incidents then open.
/// </summary>
/// <param name="RolloutId">The rollout.</param>
/// <param name="Service">The service it rolls out (from <c>rollout.created</c>).</param>
/// <param name="CandidateVersion">The version it rolls out.</param>
/// <param name="Plan">The plan as it was when the rollout was created (plans never change under a rollout).</param>
/// <param name="StartedAt">When it started; null when it had not.</param>
/// <param name="PhaseIndex">The phase it was in.</param>
/// <param name="PhaseState">That phase's state.</param>
/// <param name="StateSince">When the latest event that set the state was written (the creation before the start).</param>
/// <param name="RequestedPercent">The canary weight last asked for (0 before the first change).</param>
/// <param name="AppliedPercent">The canary weight the router last confirmed (0 before the first confirmation).</param>
/// <param name="PhaseRunStartedAt">The start of the current phase's run (a retry restarts it); null before the start.</param>
/// <param name="Gate">The gate of the current phase as its sign-offs and checklist stood then.</param>
/// <param name="OpenIncidents">The rollout's incidents open then, most severe first, then oldest first.</param>
public sealed record RolloutStateAt(
    Guid RolloutId,
    string Service,
    string CandidateVersion,
    RolloutPlan Plan,
    DateTimeOffset? StartedAt,
    int PhaseIndex,
    PhaseState PhaseState,
    DateTimeOffset StateSince,
    DateTimeOffset? PhaseRunStartedAt,
    int RequestedPercent,
    int AppliedPercent,
    GateStatus Gate,
    IReadOnlyList<OpenIncidentAt> OpenIncidents)
{
    public PlanPhase Phase => Plan.Phases[PhaseIndex];

    /// <summary>Running as the live pages and the guardrails mean it: started and not yet ended.</summary>
    public bool IsRunning => StartedAt is not null && GuardrailJudge.IsWatched(PhaseState);

    /// <summary>Completed, aborted or rolled back: nothing more will happen to it.</summary>
    public bool IsFinished => PhaseState is PhaseState.Completed or PhaseState.Aborted or PhaseState.RolledBack;

    /// <summary>"learning-api v3.0.0 — ramp 10 %", the way the live pages name the rollout they follow.</summary>
    public string Description => $"{Service} {CandidateVersion} — {Phase.Name} {RequestedPercent} %";
}
