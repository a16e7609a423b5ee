namespace Dashboard.Core.Rollouts;

/// <summary>The rollout as a whole, derived from the state of its current phase.</summary>
public enum RolloutStatus
{
    NotStarted,
    InProgress,
    Held,
    Completed,
    RolledBack,
    Aborted,
}
