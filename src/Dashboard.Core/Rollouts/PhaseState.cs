namespace Dashboard.Core.Rollouts;

/// <summary>Where one phase of a rollout stands (docs/plans.md, "State machine").</summary>
public enum PhaseState
{
    /// <summary>Not reached yet.</summary>
    Pending,

    /// <summary>Traffic at the phase weight; checkpoints are evaluated.</summary>
    Running,

    /// <summary>
    /// The phase is through its window and waits for people: GO from a sign-off gate's roles, or — for an
    /// auto-advance gate whose last checkpoint had a WARN — a person who advances, holds or rolls it back.
    /// </summary>
    AwaitingSignOff,

    /// <summary>Criteria met and gate satisfied: ready to advance.</summary>
    Passed,

    /// <summary>Paused by a person or by the failed-phase policy; the weight is frozen.</summary>
    Held,

    /// <summary>Terminal: the candidate was taken out of traffic during this phase.</summary>
    RolledBack,

    /// <summary>Terminal: the rollout was abandoned during this phase.</summary>
    Aborted,

    /// <summary>Terminal: the phase is done and the rollout moved past it.</summary>
    Completed,
}
