namespace Dashboard.Core.Plans;

/// <summary>
/// What happens to a phase whose criteria fail without tripping an auto-rollback trigger: it is
/// held for <see cref="HoldFor"/> and then, when <see cref="Retry"/>, run again from its start
/// (the tiered plan: a failed tier holds two weeks and retries).
/// </summary>
public sealed record FailedPhasePolicy(TimeSpan HoldFor, bool Retry);
