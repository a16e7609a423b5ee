namespace Dashboard.Core.Rollouts.Events;

/// <summary>
/// Someone saw the router's split differ from the recorded weight and chose to re-apply the recorded
/// one; a <see cref="TrafficChangeRequested"/> follows. The observed fields are null when the router
/// could not be read at the time.
/// </summary>
public sealed record TrafficReconciled(
    Guid RolloutId,
    int PhaseIndex,
    DateTimeOffset At,
    string Actor,
    string Reason,
    int? ObservedCanaryWeight,
    int? ObservedBaselineWeight,
    double? ObservedCanaryPercent,
    int RecordedPercent)
    : RolloutEvent(RolloutId, PhaseIndex, At, Actor, Reason)
{
    public override string Kind => "traffic.reconciled";
}
