using Dashboard.Core.Evaluation;

namespace Dashboard.Web.Features.Rollouts;

/// <summary>
/// Which running rollout a live page follows and the thresholds of its running phase.
/// </summary>
/// <param name="Running">Every running rollout, most recently started first: the choices of the page's selector.</param>
/// <param name="FollowedId">The rollout followed, or null when none runs.</param>
/// <param name="Thresholds">The criteria of the followed rollout's running phase, or of the default plan's first phase when none runs.</param>
public sealed record FollowedPhase(IReadOnlyList<RunningRollout> Running, Guid? FollowedId, PhaseThresholds Thresholds);

/// <summary>One running rollout as the selector names it: "learning-api v3.0.0 — ramp 10 %".</summary>
public sealed record RunningRollout(Guid Id, string Description);
