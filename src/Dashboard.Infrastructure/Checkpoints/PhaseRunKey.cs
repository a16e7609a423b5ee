namespace Dashboard.Infrastructure.Checkpoints;

/// <summary>One run of one phase of one rollout: the scope inside which checkpoints reuse each other's sums.</summary>
/// <param name="RolloutId">The rollout, as the evaluation request names it.</param>
/// <param name="PhaseIndex">The phase's index in the plan.</param>
/// <param name="PhaseStart">When this run of the phase started (a retried phase is a new run); sample intervals are aligned on it.</param>
public sealed record PhaseRunKey(string RolloutId, int PhaseIndex, DateTimeOffset PhaseStart);
