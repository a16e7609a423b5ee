namespace Dashboard.Core.Checkpoints;

/// <summary>
/// The decisions at a checkpoint (docs/checkpoints.md), in rising order of severity: the rubric in
/// <see cref="CheckpointDecisionRubric"/> picks the most severe one that applies.
/// </summary>
public enum CheckpointDecision
{
    Continue,
    MonitorClosely,
    ReduceTraffic,
    Abort,
}
